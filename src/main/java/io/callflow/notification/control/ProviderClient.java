package io.callflow.notification.control;

import io.callflow.notification.entity.Push;

/** A push provider's HTTP client (FCM, APNs): sends one push or says why it could not. */
interface ProviderClient {

  void send(Push push) throws DeliveryFailure;
}
