/**
 * Access numbers: pools (GMS resource groups) of E.164 numbers, how each shares and hands them out,
 * and the bookings that hold a number (and code) for one service instance. The admin API creates and
 * reconfigures pools and moves numbers in and out of them. Uses {@code platform} only.
 */
package io.callflow.access;
