/**
 * Starts Callflow on one machine with nothing installed: embedded PostgreSQL, embedded Artemis and
 * Payara Micro running the RAR and the WAR. Behind {@code mvn -Prun package} and the integration
 * tests; test scope, so the WAR carries neither a broker nor a database server.
 */
package io.callflow.launcher;
