/**
 * Round-trip probes an operator (or a test) sends to prove a deployment's wiring: a database row
 * written with its JMS message in one local transaction (the message through the outbox, sent after
 * commit), consumed by a message-driven bean on the Artemis resource adapter, announced on the
 * events topic. Uses {@code platform} only.
 */
package io.callflow.diagnostics;
