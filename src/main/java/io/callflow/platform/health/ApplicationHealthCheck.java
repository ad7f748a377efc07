package io.callflow.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until health requests reach Callflow's own web module, which Payara starts last: by then the
 * schema migration has run, every check is registered and the Service and admin APIs answer.
 *
 * <p>Payara answers {@code /health/ready} from whatever web module holds the root context and sums
 * up the checks of every application. While Callflow is still starting, Payara's default web module
 * answers with Callflow's checks already registered but leaves out any check that throws {@link
 * IllegalStateException} (the database and broker checks do then), and so said UP. This check reads
 * one flag and cannot be left out; only {@link HealthRequestFilter}, which runs inside this
 * application alone, sets it.
 */
@Readiness
@ApplicationScoped
public class ApplicationHealthCheck implements HealthCheck {

  private volatile boolean serving;

  /** A health request has come through this application's web module. */
  public void servingRequests() {
    serving = true;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("application")
        .status(serving)
        .withData("state", serving ? "serving" : "starting")
        .build();
  }
}
