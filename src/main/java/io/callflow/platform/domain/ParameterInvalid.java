package io.callflow.platform.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Request parameters (or options, or body parts) that cannot be used, each named with why, so a
 * client fixes its request in one round.
 */
public final class ParameterInvalid extends Refusal {

  /** One bad parameter: its name and why. */
  public record Field(String name, String reason) {}

  private final List<Field> fields;

  public ParameterInvalid(String name, String reason) {
    super(name + ": " + reason);
    this.fields = List.of(new Field(name, reason));
  }

  public ParameterInvalid(List<Field> fields) {
    super(fields.stream().map(f -> f.name() + ": " + f.reason()).collect(Collectors.joining("; ")));
    this.fields = List.copyOf(fields);
  }

  public List<Field> fields() {
    return fields;
  }
}
