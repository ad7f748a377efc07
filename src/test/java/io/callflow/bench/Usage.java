package io.callflow.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * Cumulative counters at one instant: CPU of the server JVM(s), of PostgreSQL and of this JVM
 * (which hosts the embedded broker), PostgreSQL's transaction counters, and the messages sent to
 * the broker. Two snapshots give what happened between them.
 *
 * @param serverCpuMs the server JVM(s), user + system
 * @param compilerCpuMs the server JVM(s)' JIT compiler threads (part of {@code serverCpuMs})
 * @param databaseCpuMs the postmaster and all its children
 * @param benchJvmCpuMs this JVM: the embedded broker, and whatever the benchmark runs in it
 * @param transactions pg_stat_database xact_commit + xact_rollback (flushed by backends at most
 *     once a second while busy)
 * @param transactionIds transaction ids assigned (write transactions), exact
 * @param brokerMessages messages sent to the broker's addresses, whether a queue took them or not
 */
record Usage(
    long atNanos,
    double serverCpuMs,
    double compilerCpuMs,
    double databaseCpuMs,
    double benchJvmCpuMs,
    long transactions,
    long transactionIds,
    long brokerMessages) {

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  static double currentJvmCpuMs() {
    return OS.getProcessCpuTime() / 1e6;
  }

  Usage minus(Usage earlier) {
    return new Usage(
        atNanos - earlier.atNanos,
        serverCpuMs - earlier.serverCpuMs,
        compilerCpuMs - earlier.compilerCpuMs,
        databaseCpuMs - earlier.databaseCpuMs,
        benchJvmCpuMs - earlier.benchJvmCpuMs,
        transactions - earlier.transactions,
        transactionIds - earlier.transactionIds,
        brokerMessages - earlier.brokerMessages);
  }

  /** This interval's usage less what an idle server uses in as long ({@code idle} scaled). */
  Usage lessIdle(Usage idle) {
    double scale = (double) atNanos / idle.atNanos;
    return new Usage(
        atNanos,
        serverCpuMs - idle.serverCpuMs * scale,
        compilerCpuMs - idle.compilerCpuMs * scale,
        databaseCpuMs - idle.databaseCpuMs * scale,
        benchJvmCpuMs - idle.benchJvmCpuMs * scale,
        Math.round(transactions - idle.transactions * scale),
        Math.round(transactionIds - idle.transactionIds * scale),
        Math.round(brokerMessages - idle.brokerMessages * scale));
  }

  /**
   * Whether the server's JIT compiler used less than 5 % of one core over this interval: its code
   * for the load is compiled. After another kind of load it recompiles what that load changed (a
   * type seen at a call, a branch taken), and on two cores that took up to a third of the server's
   * CPU for tens of seconds.
   */
  boolean compilerQuiet() {
    return compilerCpuMs < 0.05 * 1000 * seconds();
  }

  /** The JIT compiler's share of the server's CPU, 0 to 1. */
  double compilerShare() {
    // a point whose load runs outside the server leaves it next to idle: the share means nothing
    return serverCpuMs <= 0 ? 0 : Math.min(1, Math.max(0, compilerCpuMs) / serverCpuMs);
  }

  double seconds() {
    return atNanos / 1e9;
  }
}
