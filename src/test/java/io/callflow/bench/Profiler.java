package io.callflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * Execution samples by method, each counted once per sample whose stack holds it (inclusive),
   * leaving out the frames nearly every sample holds (thread roots, the server's request loop);
   * answers the top {@code n} as "share % method".
   */
  static List<String> inclusiveTop(Path jfr, int n) throws IOException {
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (!frames.isEmpty()) {
        self.merge(name(frames.get(0)), 1, Integer::sum);
      }
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        if (seen.add(name(frame))) {
          inclusive.merge(name(frame), 1, Integer::sum);
        }
      }
    }
    int total = samples;
    Map<String, Integer> kept = new LinkedHashMap<>();
    inclusive.entrySet().stream()
        .filter(e -> e.getValue() < total * 0.5)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .forEach(e -> kept.put(e.getKey(), e.getValue()));
    List<String> lines =
        kept.entrySet().stream()
            .map(
                e ->
                    String.format(
                        java.util.Locale.ROOT,
                        "%.0f %% %s",
                        100.0 * e.getValue() / total,
                        e.getKey()))
            .collect(Collectors.toList());
    lines.add(0, total + " execution samples; top self: " + top(self, total, 5));
    return lines;
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
