package io.callflow.soak;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long and how hard the soak drives, from system properties (the {@code soak} Maven profile
 * passes them, with its defaults).
 *
 * @param duration how long new work is started
 * @param apps app threads, each one customer journey at a time
 * @param agents agent desktops logged in to the {@code default} queue
 * @param drain the longest wait, after new work stops, for the server to settle before reconciling
 * @param talkSeconds the longest call an agent takes (each call lasts 1 s up to this)
 * @param report where the report is written besides stdout
 */
record SoakSettings(
    Duration duration, int apps, int agents, Duration drain, int talkSeconds, Path report) {

  static SoakSettings fromSystemProperties() {
    return new SoakSettings(
        Duration.parse(System.getProperty("soak.duration", "PT3M")),
        Integer.getInteger("soak.apps", 16),
        Integer.getInteger("soak.agents", 6),
        Duration.parse(System.getProperty("soak.drain", "PT90S")),
        Integer.getInteger("soak.talk-seconds", 5),
        Path.of(System.getProperty("soak.report", "target/soak-report.txt")));
  }

  @Override
  public String toString() {
    return "duration "
        + duration
        + ", "
        + apps
        + " app threads, "
        + agents
        + " agents, talk time 1-"
        + talkSeconds
        + " s, drain up to "
        + drain;
  }
}
