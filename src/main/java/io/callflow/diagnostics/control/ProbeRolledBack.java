package io.callflow.diagnostics.control;

import jakarta.ejb.ApplicationException;

/** Thrown on purpose after a probe's send so the container rolls the whole transaction back. */
@ApplicationException(rollback = true)
public class ProbeRolledBack extends RuntimeException {

  private final String probeId;

  public ProbeRolledBack(String probeId) {
    super("round-trip probe " + probeId + " rolled back after its message was sent");
    this.probeId = probeId;
  }

  public String probeId() {
    return probeId;
  }
}
