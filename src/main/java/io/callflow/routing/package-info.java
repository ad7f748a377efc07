/**
 * Virtual queues: where customers wait for an agent (GMS left this to Universal Routing). Owns the
 * queues' configuration and admin API, the queue entries (FIFO, a customer keeps their place when a
 * held agent is released), the dispatcher that pairs idle agents with waiting customers, the
 * reservation and queued-TTL timers, positions and EWT, and the handle-time averages that feed it.
 * What happens to a customer is announced as CDI events ({@code AgentReserved}, {@code
 * ReservationLapsed}, {@code QueueEntryExpired}) for the flows to follow. Uses {@code desktop}
 * (commands to the held agent) and {@code platform}.
 */
package io.callflow.routing;
