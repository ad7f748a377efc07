package io.callflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What the figures were measured on: the machine and the versions of everything involved. */
final class Machine {

  private Machine() {}

  static Map<String, String> describe(Connection database) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    facts.put("CPU", firstValue("/proc/cpuinfo", "model name"));
    facts.put("memory", firstValue("/proc/meminfo", "MemTotal"));
    facts.put(
        "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + os());
    facts.put(
        "JDK",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " (the server and the benchmark)");
    facts.put(
        "Payara Micro", Path.of(System.getProperty("payara.jar", "?")).getFileName().toString());
    facts.put("Artemis", System.getProperty("bench.artemis-version", "?") + " (embedded broker)");
    facts.put("PostgreSQL", postgres(database) + " (embedded)");
    facts.put("load generator", Wrk.version());
    facts.put("commit", git());
    return facts;
  }

  private static String firstValue(String file, String key) {
    try (Stream<String> lines = Files.lines(Path.of(file))) {
      return lines
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String os() {
    try (Stream<String> lines = Files.lines(Path.of("/etc/os-release"))) {
      return lines
          .filter(l -> l.startsWith("PRETTY_NAME="))
          .map(l -> "(" + l.substring(12).replace("\"", "") + ")")
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  private static String postgres(Connection database) {
    try (Statement query = database.createStatement();
        ResultSet row = query.executeQuery("SHOW server_version")) {
      row.next();
      return row.getString(1);
    } catch (SQLException e) {
      return "?";
    }
  }

  private static String git() {
    try {
      Process git =
          new ProcessBuilder("git", "log", "-1", "--format=%h %cs %s")
              .redirectErrorStream(true)
              .start();
      String out = new String(git.getInputStream().readAllBytes()).strip();
      Process dirty =
          new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
              .redirectErrorStream(true)
              .start();
      boolean changed = !new String(dirty.getInputStream().readAllBytes()).isBlank();
      return out.length() > 90
          ? out.substring(0, 90) + "…"
          : out + (changed ? " (with local changes)" : "");
    } catch (IOException e) {
      return "?";
    }
  }
}
