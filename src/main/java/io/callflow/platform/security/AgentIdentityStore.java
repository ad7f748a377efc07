package io.callflow.platform.security;

import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The agents who may use the desktop page ({@code callflow.desktop.accounts}): the caller name is
 * the agent id, the role {@value #AGENT} and no other. Passwords are kept as digests and compared
 * in constant time.
 */
@ApplicationScoped
public class AgentIdentityStore implements IdentityStore {

  public static final String AGENT = "agent";

  private final Map<String, byte[]> passwordDigests = new HashMap<>();

  @PostConstruct
  void configure() {
    AppCredentials.pairs(
            ConfigProvider.getConfig()
                .getOptionalValue(ConfigKeys.DESKTOP_ACCOUNTS, String.class)
                .orElse(""),
            ConfigKeys.DESKTOP_ACCOUNTS)
        .forEach((agent, password) -> passwordDigests.put(agent, AppCredentials.digest(password)));
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (credential instanceof UsernamePasswordCredential given) {
      byte[] expected = passwordDigests.get(given.getCaller());
      byte[] offered = AppCredentials.digest(given.getPasswordAsString());
      if (expected != null && MessageDigest.isEqual(expected, offered)) {
        return new CredentialValidationResult(given.getCaller(), Set.of(AGENT));
      }
    }
    return CredentialValidationResult.NOT_VALIDATED_RESULT;
  }
}
