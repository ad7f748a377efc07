package io.callflow.notification.control;

/** What a provider stub answers to one request. */
record StubReply(int status, String body) {

  static StubReply ok(String body) {
    return new StubReply(200, body);
  }
}
