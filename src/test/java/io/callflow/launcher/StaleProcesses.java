package io.callflow.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * After a {@code kill -9} of the launcher, its Payara Micro and PostgreSQL children keep running
 * and hold the ports and the data. Before a start, this stops them: the Payara whose pid the last
 * run recorded, then the postmaster named in PostgreSQL's own pid file, each only if the pid still
 * belongs to such a process.
 */
final class StaleProcesses {

  private static final Logger LOG = Logger.getLogger(StaleProcesses.class.getName());
  private static final Duration GRACE = Duration.ofSeconds(30);

  private StaleProcesses() {}

  static void stop(Path payaraPidFile, Path postgresDataDir) throws IOException {
    stopIf(payaraPidFile, "payara-micro");
    stopIf(postgresDataDir.resolve("postmaster.pid"), "postgres");
  }

  private static void stopIf(Path pidFile, String commandFragment) throws IOException {
    if (!Files.isReadable(pidFile)) {
      return;
    }
    Optional<ProcessHandle> process = firstLineAsPid(pidFile).flatMap(ProcessHandle::of);
    if (process.isPresent() && commandLine(process.get()).contains(commandFragment)) {
      LOG.warning(
          "Stopping "
              + commandFragment
              + " (pid "
              + process.get().pid()
              + ") left by an earlier run");
      process.get().destroy();
      try {
        process.get().onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception notYet) {
        process.get().destroyForcibly();
      }
    }
    if (commandFragment.equals("payara-micro")) {
      Files.deleteIfExists(pidFile);
    }
  }

  private static Optional<Long> firstLineAsPid(Path pidFile) throws IOException {
    try {
      return Files.readAllLines(pidFile).stream()
          .findFirst()
          .map(String::strip)
          .map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String commandLine(ProcessHandle process) {
    return process.info().commandLine().orElse("");
  }
}
