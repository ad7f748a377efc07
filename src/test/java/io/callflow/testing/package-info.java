/**
 * What every integration test uses: the shared {@link io.callflow.testing.TestServer}, one driver
 * per protocol ({@link io.callflow.testing.GmsClient} for HTTP, {@link
 * io.callflow.testing.JmsClient} for JMS, {@link io.callflow.testing.BayeuxClient} for CometD) and
 * {@link io.callflow.testing.Eventually} for waiting on asynchronous outcomes.
 */
package io.callflow.testing;
