package io.callflow.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.platform.security.AppCredentials.Scheme;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppCredentialsTest {

  @Test
  void schemesAreReadLeniently() {
    assertEquals(Set.of(), AppCredentials.schemes("none"));
    assertEquals(Set.of(), AppCredentials.schemes(""));
    assertEquals(Set.of(Scheme.BASIC), AppCredentials.schemes("Basic"));
    assertEquals(Set.of(Scheme.BASIC, Scheme.BEARER), AppCredentials.schemes(" basic , bearer "));
    IllegalStateException wrong =
        assertThrows(IllegalStateException.class, () -> AppCredentials.schemes("basic,digest"));
    assertTrue(wrong.getMessage().contains("digest"), wrong.getMessage());
  }

  @Test
  void pairsKeepColonsInValuesAndNeverEchoASecret() {
    assertEquals(
        Map.of("alice", "pa:ss", "bob", "x"), AppCredentials.pairs("alice:pa:ss, bob:x", "k"));
    assertEquals(Map.of(), AppCredentials.pairs("", "k"));
    IllegalStateException wrong =
        assertThrows(
            IllegalStateException.class,
            () -> AppCredentials.pairs("alice:ok,secret-without-name", "k"));
    assertFalse(wrong.getMessage().contains("secret-without-name"), wrong.getMessage());
    assertTrue(wrong.getMessage().contains("entry 2"), wrong.getMessage());
  }
}
