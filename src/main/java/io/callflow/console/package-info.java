/**
 * The operations console ({@code /console/}): pools with their utilisation and sizing advice,
 * queues, agents, health with the broker and the outbox backlog, live; pushes given up and service
 * instances come from their features' admin endpoints under {@code /admin/console}. Owns the {@code
 * pool_sample} table and the sampler that fills it off the request path; reads pools and bookings
 * with its own queries and everything else through the admin API, so it changes no feature. Uses
 * {@code platform} only.
 */
package io.callflow.console;
