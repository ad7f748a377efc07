package io.callflow.notification.boundary;

import io.callflow.notification.control.PushChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP (apps may register devices of any type), but says which push channels cannot deliver
 * with the current configuration, so an operator sees it where they look first.
 */
@Readiness
@ApplicationScoped
public class NotificationsHealthCheck implements HealthCheck {

  @Inject PushChannels channels;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder health = HealthCheckResponse.named("notifications").up();
    channels
        .configurationProblems()
        .forEach((type, problem) -> health.withData(type, "WARNING: " + problem));
    return health.build();
  }
}
