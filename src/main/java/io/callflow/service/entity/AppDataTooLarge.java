package io.callflow.service.entity;

/** A create's app data is larger than the server keeps. */
public final class AppDataTooLarge extends ServiceRefusal {

  public AppDataTooLarge(long sizeInBytes, int maxBytes) {
    super("app data of " + sizeInBytes + " bytes is larger than " + maxBytes);
  }
}
