/**
 * The benchmark's ceilings on the server: a small WAR (context root {@code /bench}) that the
 * benchmark builds from these classes and deploys beside the product's WAR in the benchmark run
 * only. Its plain-JDBC transactions ({@link io.callflow.bench.ceiling.CeilingTransactions}) also
 * run directly from the benchmark JVM, for the database-alone ceiling.
 */
package io.callflow.bench.ceiling;
