package io.callflow.service.entity;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The flows a configured service can run, under their GMS names. */
public enum Flow {
  REQUEST_INTERACTION("request-interaction"),
  REQUEST_INBOUND_IMMEDIATE("request-inbound-immediate"),
  REQUEST_INBOUND_DELAY("request-inbound-delay"),
  REQUEST_INBOUND_DELAY_LOCATION("request-inbound-delay-location"),
  REQUEST_INBOUND_POLL("request-inbound-poll"),
  REQUEST_OUTBOUND_IMMEDIATE("request-outbound-immediate"),
  REQUEST_OUTBOUND_DELAY("request-outbound-delay"),
  REQUEST_OUTBOUND_POLL("request-outbound-poll"),
  REQUEST_ACCESS("request-access"),
  MATCH_INTERACTION("match-interaction"),
  /** GMS 8.5 Callback API services: each request chooses one of the flows above. */
  CALLBACK("callback");

  private final String gmsName;

  Flow(String gmsName) {
    this.gmsName = gmsName;
  }

  public String gmsName() {
    return gmsName;
  }

  /** Flows whose customers wait in a virtual queue for an agent. */
  public boolean isQueued() {
    return this == REQUEST_INBOUND_DELAY
        || this == REQUEST_INBOUND_DELAY_LOCATION
        || this == REQUEST_INBOUND_POLL
        || isOutbound();
  }

  /** Flows where the contact center calls the customer. */
  public boolean isOutbound() {
    return this == REQUEST_OUTBOUND_IMMEDIATE
        || this == REQUEST_OUTBOUND_DELAY
        || this == REQUEST_OUTBOUND_POLL;
  }

  /** Queued flows whose app polls instead of being pushed. */
  public boolean isPolled() {
    return this == REQUEST_INBOUND_POLL || this == REQUEST_OUTBOUND_POLL;
  }

  /** Flows that book an access number on create, so that one client could take a pool. */
  public boolean booksNumberAtOnce() {
    return this == REQUEST_INTERACTION
        || this == REQUEST_INBOUND_IMMEDIATE
        || this == REQUEST_ACCESS;
  }

  public static Optional<Flow> byGmsName(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_GMS_NAME.get(name));
  }

  // asked on every request (a service's and an instance's flow): a stream over values() each time
  // showed in the hot path's profile
  private static final Map<String, Flow> BY_GMS_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Flow::gmsName, f -> f));
}
