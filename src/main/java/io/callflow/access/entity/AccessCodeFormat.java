package io.callflow.access.entity;

import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How this node writes access codes: numeric, of the requested length, starting with the node's
 * prefix ({@code access_code_prefix}: empty, a digit string such as {@code 9}, or a digit range
 * such as {@code 7-9}) so that a node can recognise its own codes.
 */
public final class AccessCodeFormat {

  public static final int MIN_LENGTH = 4;
  public static final int MAX_LENGTH = 10;

  private static final Pattern RANGE = Pattern.compile("([0-9])-([0-9])");
  private static final Pattern DIGITS = Pattern.compile("[0-9]*");

  private final String fixedPrefix;
  private final char rangeLow;
  private final char rangeHigh;

  private AccessCodeFormat(String fixedPrefix, char rangeLow, char rangeHigh) {
    this.fixedPrefix = fixedPrefix;
    this.rangeLow = rangeLow;
    this.rangeHigh = rangeHigh;
  }

  /** Parses a prefix specification; throws IllegalArgumentException when it is neither form. */
  public static AccessCodeFormat withPrefix(String spec) {
    String prefix = spec == null ? "" : spec.strip();
    Matcher range = RANGE.matcher(prefix);
    if (range.matches()) {
      char low = range.group(1).charAt(0);
      char high = range.group(2).charAt(0);
      if (low > high) {
        throw new IllegalArgumentException("access code prefix range " + prefix + " is reversed");
      }
      return new AccessCodeFormat("", low, high);
    }
    if (!DIGITS.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "access code prefix must be digits (9) or a digit range (7-9), not " + prefix);
    }
    return new AccessCodeFormat(prefix, '\0', '\0');
  }

  /** How many leading digits the prefix fixes. */
  public int prefixLength() {
    return rangeLow == '\0' ? fixedPrefix.length() : 1;
  }

  /** Why {@code length} cannot be used, or empty when it can. */
  public Optional<String> problemWithLength(int length) {
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return Optional.of("must be between " + MIN_LENGTH + " and " + MAX_LENGTH);
    }
    if (length <= prefixLength()) {
      return Optional.of(
          "must be longer than this node's access code prefix (" + prefixLength() + " digits)");
    }
    return Optional.empty();
  }

  /** How many distinct codes of {@code length} this format can write. */
  public long capacity(int length) {
    long rest = (long) Math.pow(10, length - prefixLength());
    return rangeLow == '\0' ? rest : rest * (rangeHigh - rangeLow + 1);
  }

  public String generate(int length, RandomGenerator random) {
    problemWithLength(length)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("access code length " + length + " " + p);
            });
    StringBuilder code = new StringBuilder(length);
    if (rangeLow == '\0') {
      code.append(fixedPrefix);
    } else {
      code.append((char) (rangeLow + random.nextInt(rangeHigh - rangeLow + 1)));
    }
    while (code.length() < length) {
      code.append((char) ('0' + random.nextInt(10)));
    }
    return code.toString();
  }
}
