package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro opens nothing but its HTTP port: no Hazelcast (5900/6900), no admin or debug port.
 * Read from Linux's /proc: the listening TCP sockets whose inodes the server process holds.
 */
class ListeningPortsIT {

  @Test
  void theServerListensOnItsHttpPortAlone() throws IOException {
    long pid =
        Long.parseLong(
            Files.readString(TestServer.stack().layout().dataDir().resolve("payara.pid")).strip());
    Set<String> inodes = socketInodes(pid);
    Set<String> listening = new TreeSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] f = line.trim().split("\\s+");
        boolean listen = "0A".equals(f[3]);
        if (listen && inodes.contains(f[9])) {
          listening.add(address(f[1]));
        }
      }
    }
    int httpPort = URI.create(TestServer.stack().baseUrl()).getPort();
    assertEquals(1, listening.size(), () -> "listening: " + listening);
    String only = listening.iterator().next();
    assertTrue(only.endsWith(":" + httpPort), only);
    assertTrue(
        only.startsWith("127.0.0.1:") || only.startsWith("::ffff:127.0.0.1:"),
        "tests bind HTTP to loopback: " + only);
  }

  private static Set<String> socketInodes(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds =
        Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor went away while listing
        }
      }
    }
    return inodes;
  }

  /** "0100007F:1F90" → "127.0.0.1:8080"; IPv6 entries are shown as ::ffff:a.b.c.d or their hex. */
  private static String address(String hex) {
    String[] parts = hex.split(":");
    int port = Integer.parseInt(parts[1], 16);
    String ip = parts[0];
    if (ip.length() == 8) {
      return ipv4(ip) + ":" + port;
    }
    if (ip.startsWith("0000000000000000FFFF0000")) {
      return "::ffff:" + ipv4(ip.substring(24)) + ":" + port;
    }
    return ip + ":" + port;
  }

  private static String ipv4(String littleEndianHex) {
    StringBuilder ip = new StringBuilder();
    for (int i = 6; i >= 0; i -= 2) {
      ip.append(Integer.parseInt(littleEndianHex.substring(i, i + 2), 16));
      if (i > 0) {
        ip.append('.');
      }
    }
    return ip.toString();
  }
}
