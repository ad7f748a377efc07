package io.callflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's Markdown report, written again after every section so that a run that fails
 * half-way still leaves what it measured.
 */
final class Report {

  private final Path file;
  private final StringBuilder text = new StringBuilder();

  Report(Path file) {
    this.file = file;
  }

  Report heading(String title) {
    text.append("\n## ").append(title).append("\n\n");
    return this;
  }

  Report paragraph(String paragraph) {
    text.append(paragraph).append("\n\n");
    return this;
  }

  Report line(String line) {
    text.append(line).append("\n");
    return this;
  }

  Report table(List<String> headers, List<List<String>> rows) {
    text.append("| ").append(String.join(" | ", headers)).append(" |\n|");
    headers.forEach(h -> text.append("---|"));
    text.append("\n");
    for (List<String> row : rows) {
      text.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    text.append("\n");
    return this;
  }

  void write() throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
