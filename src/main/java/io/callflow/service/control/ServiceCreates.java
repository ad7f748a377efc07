package io.callflow.service.control;

import io.callflow.access.control.AllocationLimits;
import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.service.entity.InstanceAnswer;
import io.callflow.service.entity.OptionKey;
import io.callflow.service.entity.ServiceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /genesys/1/service/{service-name}}: runs the service's flow. The flows that book a
 * number at once are limited per client, so that one client cannot take a pool. Each flow's bean
 * holds the request's one transaction; this adds none.
 */
@ApplicationScoped
public class ServiceCreates {

  @Inject ServiceCatalog catalog;
  @Inject InteractionRequests interactions;
  @Inject InteractionMatches matches;
  @Inject QueuedCreates queued;
  @Inject AllocationLimits limits;

  /**
   * @param client who asks, for the allocation limit: their gms_user, else their address
   */
  public InstanceAnswer create(
      String serviceName,
      Map<String, String> parameters,
      String gmsUser,
      Optional<String> idempotencyKey,
      String client) {
    ServiceDefinition service = catalog.find(serviceName);
    if (service.flow().booksNumberAtOnce()) {
      limits.take(
          serviceName,
          client,
          Optional.ofNullable(service.options().get(OptionKey.ALLOCATIONS_PER_CLIENT))
              .map(Integer::valueOf));
    }
    return switch (service.flow()) {
      case REQUEST_INTERACTION ->
          interactions.requestInteraction(service, parameters, gmsUser, idempotencyKey);
      case REQUEST_INBOUND_IMMEDIATE ->
          interactions.requestInboundImmediate(service, parameters, gmsUser, idempotencyKey);
      case REQUEST_INBOUND_DELAY,
          REQUEST_INBOUND_DELAY_LOCATION,
          REQUEST_INBOUND_POLL,
          REQUEST_OUTBOUND_IMMEDIATE,
          REQUEST_OUTBOUND_DELAY,
          REQUEST_OUTBOUND_POLL ->
          queued.create(service, parameters, gmsUser, idempotencyKey);
      case REQUEST_ACCESS -> interactions.requestAccess(service, parameters, gmsUser);
      case MATCH_INTERACTION -> matches.match(parameters);
      case CALLBACK ->
          throw new ParameterInvalid(
              "service-name",
              serviceName
                  + " is a Callback API service: POST /genesys/1/service/callback/"
                  + serviceName);
    };
  }
}
