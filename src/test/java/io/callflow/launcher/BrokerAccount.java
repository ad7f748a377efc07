package io.callflow.launcher;

/**
 * The broker's users, one per role of {@code server-config/broker.xml}: the embedded broker creates
 * them, the external test run's broker is given the same. Passwords for loopback brokers only.
 */
public enum BrokerAccount {
  /** The server and administrators: everything. */
  SERVER("callflow", "callflow", "callflow"),
  /** An agent desktop: sends to callflow.desktop.in, reads callflow.desktop.out, nothing else. */
  DESKTOP("desktop", "desktop", "desktop"),
  /** The dialer integration: reads callflow.dialer, reports to callflow.desktop.in. */
  DIALER("dialer", "dialer", "dialer");

  private final String user;
  private final String password;
  private final String role;

  BrokerAccount(String user, String password, String role) {
    this.user = user;
    this.password = password;
    this.role = role;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String role() {
    return role;
  }
}
