package io.callflow.notification.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceAccountTest {

  private static PrivateKey key;
  private static String pem;

  @BeforeAll
  static void generateKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair().getPrivate();
    pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void readsWhatTokenExchangeNeeds() {
    ServiceAccount account =
        ServiceAccount.parse(account().add("private_key_id", "k1").build().toString());

    assertEquals("push@p.iam.gserviceaccount.com", account.clientEmail());
    assertEquals(URI.create("https://oauth2.googleapis.com/token"), account.tokenUri());
    assertEquals("k1", account.privateKeyId());
    assertArrayEquals(key.getEncoded(), account.privateKey().getEncoded());
  }

  @Test
  void keyIdIsOptional() {
    assertNull(ServiceAccount.parse(account().build().toString()).privateKeyId());
  }

  @Test
  void namesWhatIsMissingOrWrong() {
    assertEquals(
        "client_email is missing", refused(account().remove("client_email").build().toString()));
    assertEquals(
        "token_uri is missing", refused(account().add("token_uri", " ").build().toString()));
    assertEquals(
        "private_key is not a PEM private key (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----)",
        refused(account().add("private_key", "secret").build().toString()));
    assertEquals("not a JSON object: ", refused("[1]").substring(0, 19));
  }

  private static String refused(String json) {
    return assertThrows(IllegalArgumentException.class, () -> ServiceAccount.parse(json))
        .getMessage();
  }

  private static JsonObjectBuilder account() {
    return Json.createObjectBuilder()
        .add("type", "service_account")
        .add("client_email", "push@p.iam.gserviceaccount.com")
        .add("private_key", pem)
        .add("token_uri", "https://oauth2.googleapis.com/token");
  }
}
