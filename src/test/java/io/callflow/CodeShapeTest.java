package io.callflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape the code keeps: boundary, control and entity each in their place, and small classes.
 */
class CodeShapeTest {

  private static final Path MAIN = Path.of("src/main/java/io/callflow");

  /**
   * Above this, a class's opening comment says why it must be so long, in a sentence that begins
   * "Longer than our classes usually are".
   */
  private static final int LINES = 300;

  @Test
  void controlAndEntityKnowNothingOfJaxRs() {
    List<String> offenders =
        sources()
            .filter(p -> p.getParent().endsWith("control") || p.getParent().endsWith("entity"))
            .filter(p -> read(p).contains("jakarta.ws.rs"))
            .map(MAIN::relativize)
            .map(Path::toString)
            .toList();
    assertEquals(List.of(), offenders);
  }

  @Test
  void aLongClassSaysWhyItMustBe() {
    List<String> offenders =
        sources()
            .filter(p -> read(p).lines().count() > LINES)
            .filter(p -> !read(p).contains("Longer than our classes usually are"))
            .map(MAIN::relativize)
            .map(Path::toString)
            .toList();
    assertEquals(List.of(), offenders);
  }

  private static Stream<Path> sources() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
