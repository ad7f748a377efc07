package io.callflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Looks inside the server while it is loaded, with the JDK's own tools: a Java Flight Recorder
 * profile ({@code jcmd <pid> JFR.start}) summarised by method, and a thread dump ({@code jcmd <pid>
 * Thread.print}) summarised by what the request threads are doing.
 */
final class Profiler {

  private Profiler() {}

  /** Starts a profiling recording in the server JVM. */
  static void startRecording(long pid, Path file) throws IOException, InterruptedException {
    jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
  }

  static void stopRecording(long pid) throws IOException, InterruptedException {
    jcmd(pid, "JFR.stop", "name=bench");
  }

  /** The thread dump, written to {@code file}. */
  static String threadDump(long pid, Path file) throws IOException, InterruptedException {
    String dump = jcmd(pid, "Thread.print");
    Files.writeString(file, dump, StandardCharsets.UTF_8);
    return dump;
  }

  /** Where samples land: in which component, in which application methods, in known suspects. */
  private static final Map<String, String> SUSPECTS =
      new LinkedHashMap<>(
          Map.of(
              "JSON provider look-up (JsonProvider.provider, a ServiceLoader scan)",
              "jakarta.json.spi.JsonProvider.provider",
              "JPA (EclipseLink)",
              "org.eclipse.persistence.",
              "JDBC driver (pgjdbc)",
              "org.postgresql.",
              "connection pool (Payara)",
              "com.sun.enterprise.resource.",
              "transaction manager (Payara JTS/JTA)",
              "com.sun.enterprise.transaction.",
              "JMS (Artemis client / resource adapter)",
              "org.apache.activemq.",
              "EJB container",
              "com.sun.ejb.",
              "CDI (Weld)",
              "org.jboss.weld."));

  /**
   * A summary of the recording's execution samples: how many; the components that run the most (the
   * first frame from the top that is not the JDK's); the application's methods by share of samples
   * whose stack holds them; and the share of known suspects.
   */
  static List<String> summary(Path jfr) throws IOException {
    Map<String, Integer> components = new HashMap<>();
    Map<String, Integer> application = new HashMap<>();
    Map<String, Integer> suspects = new LinkedHashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      samples++;
      List<String> frames = event.getStackTrace().getFrames().stream().map(Profiler::name).toList();
      frames.stream()
          .filter(f -> !jdkClass(f))
          .findFirst()
          .ifPresent(f -> components.merge(component(f), 1, Integer::sum));
      frames.stream()
          .filter(
              f -> f.startsWith("io.callflow.") && !f.contains("$Proxy$") && !f.contains("__EJB"))
          .distinct()
          .forEach(f -> application.merge(f, 1, Integer::sum));
      SUSPECTS.forEach(
          (what, prefix) -> {
            if (frames.stream().anyMatch(f -> f.startsWith(prefix))) {
              suspects.merge(what, 1, Integer::sum);
            }
          });
    }
    List<String> lines = new ArrayList<>();
    lines.add(samples + " execution samples of the server's threads.");
    lines.add(
        "Running in (first frame that is not the JDK's): " + top(components, samples, 8) + ".");
    lines.add("Application methods on the stack: " + top(application, samples, 10) + ".");
    lines.add("Samples with any frame of: " + top(suspects, samples, SUSPECTS.size()) + ".");
    return lines;
  }

  private static boolean jdkClass(String frame) {
    return frame.startsWith("java.")
        || frame.startsWith("jdk.")
        || frame.startsWith("sun.")
        || frame.startsWith("com.sun.proxy.");
  }

  /** A class's component: its first three package segments (four for the application's own). */
  private static String component(String frame) {
    String[] parts = frame.split("\\.");
    int keep = frame.startsWith("io.callflow.") ? 4 : 3;
    return String.join(".", java.util.Arrays.copyOf(parts, Math.min(keep, parts.length - 2)));
  }

  /**
   * The request threads of a thread dump grouped by state and the first frame that is not the JDK's
   * own: answers "count × state at frame", the largest groups first.
   */
  static List<String> requestThreads(String dump, int n) {
    Map<String, Integer> groups = new HashMap<>();
    for (String thread : dump.split("\n\n")) {
      if (!thread.startsWith("\"http-thread-pool")) {
        continue;
      }
      String state = "?";
      String at = "?";
      for (String line : thread.split("\n")) {
        String l = line.strip();
        if (l.startsWith("java.lang.Thread.State:")) {
          state = l.substring("java.lang.Thread.State:".length()).strip();
        } else if (at.equals("?") && l.startsWith("at ") && !jdk(l)) {
          at = l.substring(3).replaceAll("\\(.*", "");
        }
      }
      groups.merge(state + " at " + at, 1, Integer::sum);
    }
    return groups.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .map(e -> e.getValue() + " × " + e.getKey())
        .collect(Collectors.toList());
  }

  private static boolean jdk(String frame) {
    return frame.startsWith("at java.")
        || frame.startsWith("at jdk.")
        || frame.startsWith("at sun.");
  }

  private static String top(Map<String, Integer> counts, int total, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .map(
            e ->
                String.format(
                    java.util.Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / total))
        .collect(Collectors.joining(", "));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    List<String> line =
        new java.util.ArrayList<>(
            List.of(java.resolveSibling("jcmd").toString(), String.valueOf(pid)));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    return out;
  }
}
