/**
 * Virtual queues: where customers wait for an agent (GMS left this to Universal Routing). Today the
 * queues' configuration and its admin API; waiting, dispatch and EWT build on it. Uses {@code
 * platform}.
 */
package io.callflow.routing;
