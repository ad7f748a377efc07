package io.callflow.service.entity;

/** {@code /service/{id}/{request}} names a request the instance never answers. */
public final class RequestUnknown extends ServiceRefusal {

  public RequestUnknown(String id, String request) {
    super("service instance " + id + " does not answer " + request);
  }
}
