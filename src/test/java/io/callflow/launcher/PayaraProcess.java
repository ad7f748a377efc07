package io.callflow.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro as a child process running the resource adapter and the WAR. Its output is copied
 * line by line to a stream (the console or a log file) and watched for deployment failures, so a
 * broken start is reported at once instead of after a timeout.
 */
public final class PayaraProcess implements AutoCloseable {

  /** What to run and how. */
  public record Settings(
      Path payaraJar,
      Path rar,
      Path war,
      Path rootDir,
      Path pidFile,
      int httpPort,
      boolean loopbackOnly,
      Path serverConfig,
      Map<String, String> systemProperties,
      PrintStream output,
      List<Path> extraDeployments) {}

  private static final List<String> FAILURE_MARKERS =
      List.of("Exception while loading the app", "Exception while deploying");
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /** Payara Micro's last boot line, logged once every {@code --deploy} archive is deployed. */
  private static final String BOOTED_MARKER = " ready in ";

  private final Settings settings;
  private final Process process;
  private volatile String failure;
  private volatile boolean booted;

  private PayaraProcess(Settings settings, Process process) {
    this.settings = settings;
    this.process = process;
  }

  static final int ARTEMIS_CLIENT_THREADS = 64;

  public static PayaraProcess start(Settings settings) throws IOException {
    requireFreePort(settings.httpPort());
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    // every message-driven bean session runs on Artemis's global client pool (8 threads per core):
    // the application's 16 sessions would fill it on a 2-core machine and starve deliveries
    command.add("-Dactivemq.artemis.client.global.thread.pool.max.size=" + ARTEMIS_CLIENT_THREADS);
    settings.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            settings.payaraJar().toString(),
            // no Hazelcast: nothing but the HTTP port listens (and no data grid to join)
            "--nohazelcast",
            "--port",
            String.valueOf(settings.httpPort()),
            // a persistent root keeps the transaction log for XA recovery across restarts
            "--rootdir",
            settings.rootDir().toString(),
            "--deploy",
            settings.rar().toString(),
            "--deploy",
            settings.war().toString()));
    for (Path extra : settings.extraDeployments()) {
      command.add("--deploy");
      command.add(extra.toString());
    }
    // Payara takes one pre-boot file: the loopback one repeats pre-boot.txt and adds the bind
    // address
    String preBoot = settings.loopbackOnly() ? "pre-boot-loopback.txt" : "pre-boot.txt";
    command.add("--prebootcommandfile");
    command.add(settings.serverConfig().resolve(preBoot).toString());
    // the pre-boot file keeps HTTP closed; this opens it once every archive is deployed and started
    command.add("--postdeploycommandfile");
    command.add(settings.serverConfig().resolve("post-deploy.txt").toString());
    clearAllButLogs(settings.rootDir());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Files.writeString(settings.pidFile(), Long.toString(process.pid()));
    PayaraProcess payara = new PayaraProcess(settings, process);
    payara.copyOutput();
    return payara;
  }

  /**
   * Payara records what it deployed in its root folder and loads it again at the next start before
   * processing {@code --deploy}; the first copy is then undeployed, but its message-driven beans
   * can keep consuming and lose messages. So every start gets a fresh root, except {@code logs/},
   * where the transaction log that XA recovery needs lives.
   */
  private static void clearAllButLogs(Path rootDir) throws IOException {
    Files.createDirectories(rootDir);
    try (java.util.stream.Stream<Path> children = Files.list(rootDir)) {
      for (Path child : children.filter(c -> !c.getFileName().toString().equals("logs")).toList()) {
        Folders.deleteTree(child);
      }
    }
  }

  private void copyOutput() {
    Thread copier =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  settings.output().println(line);
                  String current = line;
                  if (failure == null && FAILURE_MARKERS.stream().anyMatch(current::contains)) {
                    failure = current.strip();
                  }
                  if (!booted
                      && current.contains("Payara Micro")
                      && current.contains(BOOTED_MARKER)) {
                    booted = true;
                  }
                }
              } catch (IOException e) {
                // the process is gone; its exit is reported by awaitReady or the caller
              }
            },
            "payara-output");
    copier.setDaemon(true);
    copier.start();
  }

  /**
   * Waits until readiness answers 200: HTTP opens only once the application is deployed and started
   * (server-config/post-deploy.txt), and its own checks say whether it can serve. The look for the
   * {@code database} check guards against a WAR that failed to deploy, whose checks are missing.
   */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with code " + process.exitValue() + " before it was ready");
      }
      if (failure != null) {
        throw new IllegalStateException("Callflow failed to start: " + failure);
      }
      try {
        // On a restart, Payara first deploys the archives its root folder remembers, then deploys
        // the
        // --deploy ones again: the first copy may answer ready just before it is replaced. So the
        // application counts only once Payara has finished booting.
        HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (booted && answer.statusCode() == 200 && answer.body().contains("\"database\"")) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep polling
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Callflow was not ready within " + timeout);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + settings.httpPort();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** Kills the server at once (SIGKILL), as a crash or an OOM killer would: no shutdown at all. */
  public void kill() throws InterruptedException, IOException {
    process.destroyForcibly().waitFor();
    Files.deleteIfExists(settings.pidFile());
  }

  @Override
  public void close() throws InterruptedException, IOException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
    Files.deleteIfExists(settings.pidFile());
  }

  private static void requireFreePort(int port) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(port));
    } catch (IOException e) {
      throw new IOException(
          "HTTP port "
              + port
              + " is already in use; stop what listens there or choose another port",
          e);
    }
  }
}
