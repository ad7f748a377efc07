package io.callflow.platform.rest;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a failure caused by a unique constraint (PostgreSQL's SQLSTATE 23505), wherever it
 * surfaced: at an insert, at a flush, or at commit under a rolled-back transaction. It means that a
 * concurrent request wrote the same key first, so the client hears 409 and may repeat the request,
 * which then sees what the other one wrote — not a 500.
 */
record UniqueViolation(String constraint, List<String> columns) {

  static final String SQL_STATE = "23505";

  /** The problem's {@code exception}, for clients that tell this conflict from the others. */
  static final String EXCEPTION = "DuplicateKey";

  // pgjdbc's text: ERROR: duplicate key value violates unique constraint "pool_pkey"
  //   Detail: Key (name)=(north) already exists.
  private static final Pattern CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");
  private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=");

  /** The unique violation among {@code thrown}'s causes, if there is one. */
  static Optional<UniqueViolation> of(Throwable thrown) {
    for (Throwable current : Causes.of(thrown)) {
      if (current instanceof SQLException sql) {
        for (SQLException each = sql; each != null; each = each.getNextException()) {
          if (SQL_STATE.equals(each.getSQLState())) {
            return Optional.of(parse(String.valueOf(each.getMessage())));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the constraint and its columns from the server's message; the key's values stay out of
   * the answer, as they may be another client's.
   */
  static UniqueViolation parse(String message) {
    Matcher constraint = CONSTRAINT.matcher(message);
    Matcher key = KEY.matcher(message);
    return new UniqueViolation(
        constraint.find() ? constraint.group(1) : "",
        key.find()
            ? Arrays.stream(key.group(1).split(",")).map(String::strip).toList()
            : List.of());
  }

  /** 409 naming the key's columns: a concurrent request wrote the same key first. */
  ProblemException problem() {
    List<ProblemException.InvalidParam> invalid =
        columns.stream()
            .map(
                column ->
                    new ProblemException.InvalidParam(
                        column, "a concurrent request wrote the same value first"))
            .toList();
    return ProblemException.of(
        409,
        "CONFLICT",
        EXCEPTION,
        "a concurrent request wrote the same "
            + (columns.isEmpty() ? "key" : String.join(", ", columns))
            + " first; repeat the request to see the outcome",
        invalid,
        null);
  }
}
