package io.callflow.platform.security;

import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The administrator: {@code callflow.admin.user} ("admin") with {@code callflow.admin.password}.
 * Without a password nobody is an administrator — the admin API answers 401 until one is configured
 * (the embedded start sets one). The password is compared in constant time and never logged.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());

  private String user;
  private Optional<byte[]> password;

  @PostConstruct
  void configure() {
    var config = ConfigProvider.getConfig();
    user = config.getOptionalValue(ConfigKeys.ADMIN_USER, String.class).orElse("admin");
    password =
        config
            .getOptionalValue(ConfigKeys.ADMIN_PASSWORD, String.class)
            .filter(p -> !p.isBlank())
            .map(p -> p.getBytes(StandardCharsets.UTF_8));
    if (password.isEmpty()) {
      LOG.warning(
          ConfigKeys.ADMIN_PASSWORD + " is not set: the admin API refuses everyone until it is");
    }
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (credential instanceof UsernamePasswordCredential given
        && password.isPresent()
        && user.equals(given.getCaller())
        && MessageDigest.isEqual(
            password.get(), given.getPasswordAsString().getBytes(StandardCharsets.UTF_8))) {
      return new CredentialValidationResult(user, Set.of(AdminSecurity.ADMIN));
    }
    return CredentialValidationResult.INVALID_RESULT;
  }
}
