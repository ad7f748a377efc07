package io.callflow.notification.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.security.PrivateKey;

/**
 * The parts of a Google service-account key file that FCM authorisation needs.
 *
 * @param privateKeyId the key's id, sent as the JWT's {@code kid}; null when the file has none
 */
public record ServiceAccount(
    String clientEmail, PrivateKey privateKey, URI tokenUri, String privateKeyId) {

  /**
   * Reads the JSON a Google console hands out.
   *
   * @throws IllegalArgumentException naming the member that is missing or wrong
   */
  public static ServiceAccount parse(String json) {
    JsonObject account;
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      account = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    String pem = required(account, "private_key");
    PrivateKey key;
    try {
      key = PemPrivateKey.parse(pem, "RSA");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("private_key is " + e.getMessage(), e);
    }
    String tokenUrl = required(account, "token_uri");
    URI tokenUri;
    try {
      tokenUri = URI.create(tokenUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("token_uri is not a URL: " + e.getMessage(), e);
    }
    JsonValue keyId = account.get("private_key_id");
    return new ServiceAccount(
        required(account, "client_email"),
        key,
        tokenUri,
        keyId instanceof JsonString id ? id.getString() : null);
  }

  private static String required(JsonObject account, String name) {
    if (account.get(name) instanceof JsonString value && !value.getString().isBlank()) {
      return value.getString();
    }
    throw new IllegalArgumentException(name + " is missing");
  }
}
