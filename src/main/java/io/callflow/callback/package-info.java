/**
 * GMS 8.5's Callback API ({@code /genesys/1/service/callback}): creates mapped onto the flows of
 * the {@code service} feature, callback records and their queries, cancel and reschedule, office
 * hours, capacity per time bucket and availability, and the abuse controls (live callbacks per
 * number, throttles per service and per requester, impossible and premium-rate numbers). Uses
 * {@code service} (flows, instances, options; its creates answer as the flows they run, written by
 * {@code service.boundary.InstanceAnswers}), {@code routing} (moving a waiting callback), {@code
 * storage} and {@code platform}.
 */
package io.callflow.callback;
