/**
 * Access numbers: pools, their numbers and bookings. {@code AccessNumberAllocator} hands numbers (and
 * codes) out, {@code BookingExpiry} ends overdue bookings, {@code MatchDecision} says which booking an
 * inbound call belongs to. Announces ended bookings as CDI events so instances can follow without this
 * feature knowing them. Uses {@code platform} only.
 */
package io.callflow.access;
