/**
 * Configured services and their instances: the GMS Service API (create, read, cancel), the
 * access-number built-ins (request-interaction, request-access, match-interaction), option
 * resolution, idempotent creates and instance events. Uses {@code access} (allocation, bookings),
 * {@code storage} (app data) and {@code platform}.
 */
package io.callflow.service;
