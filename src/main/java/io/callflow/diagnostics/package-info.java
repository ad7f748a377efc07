/**
 * Round-trip probes an operator (or a test) sends to prove a deployment's wiring: a database row
 * and a JMS message written in one XA transaction, consumed by a message-driven bean on the Artemis
 * resource adapter, announced on the events topic. Uses {@code platform} only.
 */
package io.callflow.diagnostics;
