package io.callflow.notification.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/** A compact JWT taken apart, and checked the way a provider checks it. */
record DecodedJwt(JsonObject header, JsonObject claims, String signingInput, byte[] signature) {

  static DecodedJwt parse(String compact) {
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new AssertionError("not a compact JWS: " + compact);
    }
    Base64.Decoder base64url = Base64.getUrlDecoder();
    if (compact.contains("=")) {
      throw new AssertionError("JWS parts must be base64url without padding: " + compact);
    }
    return new DecodedJwt(
        json(new String(base64url.decode(parts[0]), StandardCharsets.UTF_8)),
        json(new String(base64url.decode(parts[1]), StandardCharsets.UTF_8)),
        parts[0] + "." + parts[1],
        base64url.decode(parts[2]));
  }

  /** RS256 or ES256 as the header says; ES256 must be the 64-byte R||S form of RFC 7518. */
  boolean verifiesWith(PublicKey key) throws GeneralSecurityException {
    String alg = header.getString("alg");
    Signature verifier;
    byte[] jdkSignature;
    switch (alg) {
      case "RS256" -> {
        verifier = Signature.getInstance("SHA256withRSA");
        jdkSignature = signature;
      }
      case "ES256" -> {
        if (signature.length != 64) {
          return false;
        }
        verifier = Signature.getInstance("SHA256withECDSA");
        jdkSignature = der(signature);
      }
      default -> throw new AssertionError("unexpected alg " + alg);
    }
    verifier.initVerify(key);
    verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return verifier.verify(jdkSignature);
  }

  /** R||S to the DER SEQUENCE of two INTEGERs that the JDK's plain ECDSA verifier takes. */
  private static byte[] der(byte[] rs) {
    byte[] r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)).toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.write(2 + r.length + 2 + s.length);
    out.write(0x02);
    out.write(r.length);
    out.writeBytes(r);
    out.write(0x02);
    out.write(s.length);
    out.writeBytes(s);
    return out.toByteArray();
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
