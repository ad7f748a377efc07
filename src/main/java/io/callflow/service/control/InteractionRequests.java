package io.callflow.service.control;

import io.callflow.access.control.AccessNumberAllocator;
import io.callflow.access.control.Bookings;
import io.callflow.access.entity.Booking;
import io.callflow.access.entity.BookingRequest;
import io.callflow.notification.control.Notifications;
import io.callflow.notification.control.Subscriptions;
import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.service.entity.AccessInfo;
import io.callflow.service.entity.InstanceAnswer;
import io.callflow.service.entity.InstanceAnswer.AccessIssued;
import io.callflow.service.entity.InstanceAnswer.DialNumber;
import io.callflow.service.entity.InstanceAnswer.InstanceAccess;
import io.callflow.service.entity.InstanceEnded;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.ServiceDefinition;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.service.entity.StateChange;
import io.callflow.storage.control.AppDataStore;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The access-number built-ins: {@code request-interaction} (a new instance with a number to call
 * now) and {@code request-access} (access info for an existing instance).
 */
@ApplicationScoped
@Transactional
public class InteractionRequests {

  // the container's own reference: through CDI, each call looked the session bean up again (and
  // the lookup threw and caught an exception inside Payara)
  @EJB AccessNumberAllocator allocator;
  @Inject Bookings bookings;
  @Inject InstanceWrites instanceWrites;
  @Inject AppDataStore appData;
  @Inject ServiceInstances instances;
  @Inject IdempotencyKeys idempotencyKeys;
  @Inject InstanceEvents events;
  @Inject PhoneNumbers phoneNumbers;
  @Inject Clock clock;
  @Inject Subscriptions subscriptions;
  @Inject Notifications notifications;

  /** {@code request-interaction}: the new instance, its access info and app data id. */
  public InstanceAnswer requestInteraction(
      ServiceDefinition service,
      Map<String, String> parameters,
      String gmsUser,
      Optional<String> idempotencyKey) {
    return create(service, parameters, gmsUser, idempotencyKey, false);
  }

  /**
   * {@code request-inbound-immediate}: as request-interaction, but answers the DialNumber dialog
   * and pushes {@code {"_id","_action":"DialNumber"}} to the instance's subscribers.
   */
  public InstanceAnswer requestInboundImmediate(
      ServiceDefinition service,
      Map<String, String> parameters,
      String gmsUser,
      Optional<String> idempotencyKey) {
    return create(service, parameters, gmsUser, idempotencyKey, true);
  }

  private InstanceAnswer create(
      ServiceDefinition service,
      Map<String, String> parameters,
      String gmsUser,
      Optional<String> idempotencyKey,
      boolean dialog) {
    CreateParameters.Read read = CreateParameters.read(service, parameters, phoneNumbers);
    ServiceOptions options = read.options();
    Optional<String> phone = read.phone();
    Map<String, String> data = read.data();
    Optional<DeviceRegistration> device = read.device();
    String id = UUID.randomUUID().toString();
    if (idempotencyKey.isPresent()) {
      Optional<String> earlier =
          idempotencyKeys.claim(
              gmsUser, idempotencyKey.get(), IdempotencyKeys.hash(service.name(), parameters), id);
      if (earlier.isPresent()) {
        return dialog
            ? instances.dialNumber(earlier.get(), gmsUser)
            : instances.describe(earlier.get(), gmsUser);
      }
    }
    Booking booking = allocator.allocate(bookingRequest(options, id, phone));
    Instant now = clock.instant();
    Duration ttl = options.ttl(service.flow());
    String dataId = appData.store(data, ttl, gmsUser);
    ServiceInstance instance =
        new ServiceInstance(
            id,
            service,
            InstanceState.ACCESS_ISSUED,
            gmsUser,
            phone.orElse(null),
            dataId,
            options.toJson(),
            now);
    events.publish(StateChange.created(instance, now)); // into its history, before it is written
    instanceWrites.insertAtCommit(instance);
    device.ifPresent(d -> subscriptions.subscribeDevice(id, d.deviceId(), d.deviceOs(), ttl));
    AccessInfo access = AccessInfo.of(booking, now);
    if (dialog) {
      notifications.push(id, service.name(), DialNumberDialog.ACTION, Map.of());
      return new DialNumber(id, access, dataId);
    }
    return new AccessIssued(id, access, dataId);
  }

  /**
   * {@code request-access}: access info for the instance {@code _id}; a live booking is answered
   * again.
   */
  public InstanceAccess requestAccess(
      ServiceDefinition service, Map<String, String> parameters, String gmsUser) {
    String id = parameters.get("_id");
    if (id == null || id.isBlank()) {
      throw new ParameterInvalid("_id", "required: the service instance to give access info to");
    }
    ServiceInstance instance = instances.visible(id, gmsUser);
    if (instance.hasEnded()) {
      throw new InstanceEnded(id, instance.state());
    }
    ServiceOptions options = CreateParameters.resolve(service, parameters);
    Optional<String> phone =
        CreateParameters.customerNumber(phoneNumbers, parameters).or(instance::phoneNumber);
    Booking booking =
        bookings
            .liveFor(id)
            .orElseGet(() -> allocator.allocate(bookingRequest(options, id, phone)));
    return new InstanceAccess(id, AccessInfo.of(booking, clock.instant()));
  }

  private static BookingRequest bookingRequest(
      ServiceOptions options, String id, Optional<String> phone) {
    return new BookingRequest(
        options.resourceGroup(),
        id,
        phone,
        options.provideCode(),
        options.accessCodeLength(),
        options.bookingTimeout(),
        options.poolNamedByRequest());
  }
}
