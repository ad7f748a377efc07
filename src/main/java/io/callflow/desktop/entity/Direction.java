package io.callflow.desktop.entity;

/**
 * Who places the call an Offer is about: the customer (INBOUND) or the contact center (OUTBOUND).
 */
public enum Direction {
  INBOUND,
  OUTBOUND
}
