package io.callflow.notification.entity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A PKCS#8 private key in PEM ("-----BEGIN PRIVATE KEY-----"), the form of both a Google service
 * account's {@code private_key} and an APNs .p8 file.
 */
public final class PemPrivateKey {

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private PemPrivateKey() {}

  /**
   * @param algorithm "RSA" or "EC"
   * @throws IllegalArgumentException saying why the text is not such a key
   */
  public static PrivateKey parse(String pem, String algorithm) {
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("not a PEM private key (" + BEGIN + " … " + END + ")");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "not a PKCS#8 " + algorithm + " private key: " + e.getMessage(), e);
    }
  }
}
