package io.callflow.notification.control;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs a JWT in the compact form {@code header.claims.signature}: RS256 for Google's token
 * exchange, ES256 for APNs provider tokens.
 */
final class CompactJws {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private CompactJws() {}

  /** Signs with the algorithm the header's {@code alg} names (RS256 or ES256). */
  static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
    String signingInput = encode(header.toString()) + "." + encode(claims.toString());
    try {
      Signature signature = Signature.getInstance(jdkAlgorithm(header.getString("alg")));
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a JWT with this key: " + e.getMessage(), e);
    }
  }

  private static String jdkAlgorithm(String jwsAlgorithm) {
    return switch (jwsAlgorithm) {
      case "RS256" -> "SHA256withRSA";
      // JWS wants ECDSA's R and S as two fixed-size integers side by side (RFC 7518 §3.4), not the
      // DER sequence plain SHA256withECDSA produces; the JDK's P1363 variant writes exactly that
      case "ES256" -> "SHA256withECDSAinP1363Format";
      default -> throw new IllegalArgumentException("unsupported JWS algorithm " + jwsAlgorithm);
    };
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
