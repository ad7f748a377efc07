package io.callflow.launcher;

/**
 * The PostgreSQL a stack runs against: embedded, or an external server the stack may stop and
 * start.
 */
interface DatabaseService extends AutoCloseable {

  String jdbcUrl();

  String user();

  String password();
}
