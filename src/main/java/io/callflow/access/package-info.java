/**
 * Access numbers: pools (GMS resource groups) of E.164 numbers, their numbers and the bookings that
 * hold a number (and code) for one service instance. {@code AccessNumberAllocator} hands numbers
 * out, {@code BookingExpiry} ends overdue bookings, {@code MatchDecision} says which booking an
 * inbound call belongs to; the admin API creates and reconfigures pools and moves numbers in and
 * out. Ended bookings are announced as CDI events so instances can follow without this feature
 * knowing them. Uses {@code platform} only.
 */
package io.callflow.access;
