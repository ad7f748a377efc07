package io.callflow.notification.control;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Provider credentials made up for a test: the same file formats Google and Apple hand out. */
final class TestCredentials {

  static final String CLIENT_EMAIL = "callflow-push@callflow-test.iam.gserviceaccount.com";
  static final String PRIVATE_KEY_ID = "0123456789abcdef0123456789abcdef01234567";

  private TestCredentials() {}

  static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static KeyPair ecP256() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** PKCS#8 PEM, as in a service-account file's private_key and in an APNs .p8 file. */
  static String pem(PrivateKey key) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  /** A service-account JSON file like the one the Firebase console downloads. */
  static Path serviceAccountFile(Path folder, PrivateKey key, URI tokenUri) throws IOException {
    String json =
        Json.createObjectBuilder()
            .add("type", "service_account")
            .add("project_id", "callflow-test")
            .add("private_key_id", PRIVATE_KEY_ID)
            .add("private_key", pem(key))
            .add("client_email", CLIENT_EMAIL)
            .add("client_id", "100000000000000000000")
            .add("auth_uri", "https://accounts.google.com/o/oauth2/auth")
            .add("token_uri", tokenUri.toString())
            .build()
            .toString();
    return Files.writeString(folder.resolve("service-account.json"), json);
  }

  /** An APNs authentication key file, AuthKey_{keyId}.p8. */
  static Path p8File(Path folder, PrivateKey key, String keyId) throws IOException {
    return Files.writeString(folder.resolve("AuthKey_" + keyId + ".p8"), pem(key));
  }
}
