package io.callflow.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBasicHeaderGivesUserAndPassword() {
    assertEquals(
        Optional.of(new BasicCredentials("admin", "s3cret")),
        BasicCredentials.of(basic("admin:s3cret")));
    assertEquals(
        Optional.of(new BasicCredentials("agent", "pä:ss")),
        BasicCredentials.of(basic("agent:pä:ss")),
        "UTF-8; the password is everything after the first colon (RFC 7617)");
    assertEquals(
        Optional.of(new BasicCredentials("admin", "")), BasicCredentials.of(basic("admin:")));
    assertEquals(
        Optional.of(new BasicCredentials("admin", "x")),
        BasicCredentials.of("basic " + basic("admin:x").substring(6)),
        "the scheme's name is case-insensitive");
  }

  @Test
  void anythingElseIsNoCredential() {
    assertEquals(Optional.empty(), BasicCredentials.of(null));
    assertEquals(Optional.empty(), BasicCredentials.of("Bearer abc"));
    assertEquals(Optional.empty(), BasicCredentials.of("Basic"));
    assertEquals(Optional.empty(), BasicCredentials.of("Basic "));
    assertEquals(Optional.empty(), BasicCredentials.of("Basic !!!***"));
    assertEquals(Optional.empty(), BasicCredentials.of(basic("no-colon")));
  }

  @Test
  void onlyABasicHeaderIsWorthDecoding() {
    assertTrue(BasicCredentials.offered("Basic abc"));
    assertTrue(BasicCredentials.offered("BASIC abc"));
    assertFalse(BasicCredentials.offered(null));
    assertFalse(BasicCredentials.offered("Bearer abc"));
    assertFalse(BasicCredentials.offered("Basicabc"));
  }

  @Test
  void thePasswordIsNeverShown() {
    String shown = new BasicCredentials("admin", "s3cret").toString();
    assertFalse(shown.contains("s3cret"), shown);
    assertTrue(shown.contains("admin"), shown);
  }
}
