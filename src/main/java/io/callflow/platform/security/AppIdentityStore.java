package io.callflow.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The apps' Basic credentials ({@link AppCredentials}) for {@link BasicAuthenticationFilter},
 * beside the administrator's: an app user authenticates with role {@value #APP} and no other.
 */
@ApplicationScoped
public class AppIdentityStore implements IdentityStore {

  public static final String APP = "app";

  @Inject AppCredentials credentials;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (credential instanceof UsernamePasswordCredential given) {
      return credentials
          .basic(given.getCaller(), given.getPasswordAsString())
          .map(user -> new CredentialValidationResult(user, Set.of(APP)))
          .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }
    return CredentialValidationResult.NOT_VALIDATED_RESULT;
  }
}
