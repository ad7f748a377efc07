/**
 * Configured services (GMS's {@code service.<name>} sections) and their instances: the GMS Service
 * API (create, read, cancel, instance requests {@code /service/{id}/{request}}), the access-number
 * built-ins (request-interaction, request-inbound-immediate, request-access, match-interaction),
 * the queued inbound and outbound flows, option resolution, idempotent creates, instance events and
 * server-sent event streams with the history of each instance's states (kept on its row), and the
 * admin API that configures services. Each flow's states and moves are declared in {@code
 * entity.Lifecycle} and enforced by {@code entity.ServiceInstance}. Uses {@code access}
 * (allocation, bookings, pools), {@code routing} (queues, reservations), {@code desktop} (commands
 * to agents, their call results), {@code storage} (app data), {@code notification} (device
 * registration, pushes) and {@code platform}.
 */
package io.callflow.service;
