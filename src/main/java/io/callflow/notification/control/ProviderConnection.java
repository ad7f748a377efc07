package io.callflow.notification.control;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Sends requests to one push provider with a bounded wait: the outcome is the provider's answer, or
 * a retryable {@link DeliveryFailure} when there is none (unreachable, too slow, interrupted).
 */
final class ProviderConnection {

  private final String provider;
  private final HttpClient http;
  private final Duration requestTimeout;

  ProviderConnection(String provider, HttpClient http, Duration requestTimeout) {
    this.provider = provider;
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  ProviderAnswer send(HttpRequest.Builder request) throws DeliveryFailure {
    try {
      HttpResponse<String> response =
          http.send(request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofString());
      return new ProviderAnswer(provider, response.statusCode(), response.body());
    } catch (HttpTimeoutException e) {
      throw new DeliveryFailure(provider + " did not answer in time: " + e.getMessage(), false, e);
    } catch (IOException e) {
      throw new DeliveryFailure(provider + " could not be reached: " + e, false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure(provider + " request interrupted", false, e);
    }
  }
}
