/**
 * The soak run ({@code mvn verify -Psoak}, docs/soak.md): simulated apps, IVR and agent desktops
 * drive every flow against one test server for a bounded time, then the database is reconciled —
 * every instance ended or legitimately live, every booking released or live, no agent left held. It
 * uses the integration tests' drivers ({@code testing}, the reference desktop) and is never part of
 * the test suite.
 */
package io.callflow.soak;
