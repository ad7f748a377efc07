/**
 * Configured services (GMS's {@code service.<name>} sections) and their instances: the GMS Service
 * API (create, read, cancel), the access-number built-ins (request-interaction, request-access,
 * match-interaction), option resolution, idempotent creates, instance events, and the admin API
 * that configures services, request-inbound-immediate, instance requests ({@code
 * /service/{id}/{request}}) and server-sent event streams. Uses {@code access} (allocation,
 * bookings, pools), {@code storage} (app data), {@code notification} (device registration, pushes)
 * and {@code platform}.
 */
package io.callflow.service;
