package io.callflow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.platform.rest.DependencyOutage.Dependency;
import jakarta.ejb.EJBException;
import jakarta.jms.JMSRuntimeException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DependencyOutageTest {

  @Test
  void namesTheDependencyBehindAFailure() {
    assertEquals(
        Optional.of(Dependency.BROKER),
        DependencyOutage.of(
            new EJBException(new JMSRuntimeException("Failed to create session factory"))));
    assertEquals(
        Optional.of(Dependency.DATABASE),
        DependencyOutage.of(new IllegalStateException(new SQLException("refused", "08001"))));
    assertEquals(
        Optional.of(Dependency.TRANSACTION),
        DependencyOutage.of(
            new EJBException(new RollbackException("a resource failed to prepare"))));
  }

  @Test
  void aSpecificCauseWinsOverTheRollbackItCaused() {
    RollbackException rollback = new RollbackException("commit failed");
    rollback.initCause(new SQLException("terminating connection", "57P01"));
    assertEquals(Optional.of(Dependency.DATABASE), DependencyOutage.of(rollback));
  }

  @Test
  void aBugIsNoOutage() {
    assertEquals(Optional.empty(), DependencyOutage.of(new IllegalStateException("bug")));
    assertEquals(Optional.empty(), DependencyOutage.of(new SQLException("duplicate key", "23505")));
  }
}
