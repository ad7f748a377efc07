/**
 * The operations console ({@code /console/}): pools with their utilisation and sizing advice,
 * queues, agents, health with the broker and the outbox backlog, live; pushes given up and service
 * instances, read and acted on through their own features' endpoints under {@code /admin/console}.
 * Owns the {@code pool_sample} table and the sampler that fills it off the request path; reads
 * pools and bookings with its own queries and everything else through the admin API. Uses {@code
 * platform} only.
 */
package io.callflow.console;
