/**
 * The benchmark ({@code mvn verify -Pbench}): boots the server as the integration tests do,
 * measures ceilings and the product's hot path, flows and scale with wrk and JMS desktops, and
 * writes {@code target/benchmarks.md}. Uses only the public HTTP, JMS and admin APIs and the test
 * launcher, plus SQL to reset and seed tables.
 */
package io.callflow.bench;
