package io.callflow.bench;

import io.callflow.bench.ceiling.CeilingResource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs the ceiling WAR ({@code io.callflow.bench.ceiling}, compiled with the test classes, plus
 * the PostgreSQL driver) at context root {@code /bench}. Built by the benchmark run for itself, so
 * the product's build and WAR never contain it.
 */
final class BenchWar {

  static final String CONTEXT_ROOT = "/bench";
  private static final String PACKAGE = "io/callflow/bench/ceiling/";

  private BenchWar() {}

  static Path build(Path war) throws IOException {
    Files.createDirectories(war.getParent());
    Path classes = location(CeilingResource.class);
    Path driver = location(org.postgresql.Driver.class);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war));
        Stream<Path> files = Files.list(classes.resolve(PACKAGE))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        add(zip, "WEB-INF/classes/" + PACKAGE + file.getFileName(), Files.readAllBytes(file));
      }
      add(zip, "WEB-INF/lib/" + driver.getFileName(), Files.readAllBytes(driver));
      add(
          zip,
          "WEB-INF/payara-web.xml",
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<payara-web-app><context-root>"
                  + CONTEXT_ROOT
                  + "</context-root></payara-web-app>\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    return war;
  }

  private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
