package io.callflow.notification.control;

/** A push provider's HTTP answer, and the words a delivery failure reports it with. */
record ProviderAnswer(String provider, int status, String body) {

  private static final int EXCERPT_LENGTH = 300;

  boolean succeeded() {
    return status >= 200 && status < 300;
  }

  /**
   * Worth trying again later: the provider is busy, throttling or failing rather than refusing this
   * push. A 4xx other than 408 and 429 would be refused again.
   */
  boolean retryable() {
    return status < 400 || status >= 500 || status == 408 || status == 429;
  }

  /** "FCM answered 503: {excerpt of the body}". */
  String reason() {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    if (text.length() > EXCERPT_LENGTH) {
      text = text.substring(0, EXCERPT_LENGTH) + "…";
    }
    return provider + " answered " + status + (text.isEmpty() ? "" : ": " + text);
  }

  /** The failure for an answer that is not a success, permanent unless {@link #retryable()}. */
  DeliveryFailure failure() {
    return new DeliveryFailure(reason(), !retryable());
  }
}
