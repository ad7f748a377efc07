package io.callflow.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP load generator: wrk (Debian's package) with the benchmark's script ({@code
 * bench/load.lua}), one connection per thread, keep-alive, a 10 s timeout. wrk runs under bash so
 * that bash's {@code times} reports the CPU wrk used.
 */
final class Wrk {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Path script;
  private final Path log;

  private Wrk(Path script, Path log) {
    this.script = script;
    this.log = log;
  }

  /** Writes the script into {@code workDir}; wrk's raw output is appended to {@code wrk.log}. */
  static Wrk in(Path workDir) throws IOException {
    Files.createDirectories(workDir);
    Path script = workDir.resolve("load.lua");
    try (InputStream source = Wrk.class.getResourceAsStream("/bench/load.lua")) {
      Files.write(script, source.readAllBytes());
    }
    Path log = workDir.resolve("wrk.log");
    Files.deleteIfExists(log);
    return new Wrk(script, log);
  }

  /** The version line wrk prints. */
  static String version() {
    try {
      Process wrk = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
      String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      wrk.waitFor();
      return out.lines().findFirst().orElse("wrk").strip();
    } catch (IOException e) {
      return "wrk (not found)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "wrk";
    }
  }

  /** One request repeated: {@code GET path} or {@code POST path} with an empty form. */
  LoadResult single(String baseUrl, String method, String path, int connections, Duration length)
      throws IOException, InterruptedException {
    return run(baseUrl, connections, length, List.of("single", method, path));
  }

  /** POST {@code first}, then POST {@code second} with the number and code it answered. */
  LoadResult pair(String baseUrl, String first, String second, int connections, Duration length)
      throws IOException, InterruptedException {
    return run(baseUrl, connections, length, List.of("pair", first, second));
  }

  private LoadResult run(String baseUrl, int connections, Duration length, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "-c", "wrk \"$@\"; times", "wrk"));
    command.addAll(
        List.of(
            "-t" + connections,
            "-c" + connections,
            "-d" + Math.max(1, length.toSeconds()) + "s",
            "--timeout",
            TIMEOUT.toSeconds() + "s",
            "-s",
            script.toString(),
            baseUrl,
            "--"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LC_ALL", "C");
    Process wrk = builder.start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = wrk.waitFor();
    Files.writeString(
        log,
        String.join(" ", command) + "\n" + out + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    String result =
        out.lines()
            .filter(l -> l.startsWith("BENCH-RESULT "))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("wrk gave no result (exit " + exit + "): " + out));
    return parse(result.substring("BENCH-RESULT ".length()), childrenCpuMs(out));
  }

  /** The last line of bash's {@code times}: user and system time of its children, e.g. 0m1.234s. */
  private static double childrenCpuMs(String out) {
    List<String> lines = out.lines().filter(l -> l.matches("\\d+m[\\d.]+s \\d+m[\\d.]+s")).toList();
    if (lines.isEmpty()) {
      return Double.NaN;
    }
    double ms = 0;
    for (String part : lines.get(lines.size() - 1).split(" ")) {
      String[] minutes = part.replace("s", "").split("m");
      ms += (Long.parseLong(minutes[0]) * 60 + Double.parseDouble(minutes[1])) * 1000;
    }
    return ms;
  }

  private static LoadResult parse(String json, double cpuMs) {
    JsonObject result;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      result = reader.readObject();
    }
    Map<String, LoadResult.Kind> kinds = new LinkedHashMap<>();
    result
        .getJsonObject("kinds")
        .forEach(
            (name, value) -> {
              JsonObject k = value.asJsonObject();
              Map<String, Long> statuses = new TreeMap<>();
              k.getJsonObject("status")
                  .forEach((s, n) -> statuses.put(s, Long.parseLong(n.toString())));
              kinds.put(
                  name,
                  new LoadResult.Kind(
                      k.getJsonNumber("count").longValue(),
                      statuses,
                      k.getJsonNumber("late").longValue(),
                      k.getJsonNumber("open").longValue(),
                      k.getJsonNumber("openLate").longValue(),
                      k.getJsonNumber("p50").longValue(),
                      k.getJsonNumber("p99").longValue(),
                      k.getJsonNumber("p999").longValue(),
                      k.getJsonNumber("max").longValue()));
            });
    return new LoadResult(result.getJsonNumber("durationUs").longValue() / 1e6, kinds, cpuMs);
  }
}
