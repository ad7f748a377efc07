package io.callflow.platform.domain;

import java.util.regex.Pattern;

/**
 * What a pool, a virtual queue or a service may be called: the name is a path segment of the admin
 * and Service APIs and a key in JSON, so it keeps to letters, digits, '_', '.' and '-'.
 */
public final class Names {

  private Names() {}

  /** Such names of at most {@code maxLength} characters. */
  public static Pattern upTo(int maxLength) {
    return Pattern.compile("[A-Za-z0-9_.-]{1," + maxLength + "}");
  }
}
