package io.callflow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

  private static final String PGJDBC_MESSAGE =
      "ERROR: duplicate key value violates unique constraint \"idempotency_key_pkey\"\n"
          + "  Detail: Key (gms_user, key)=(alice, k-1) already exists.";

  @Test
  void aDuplicateKeyAtCommitIsAConflictNamingTheKeyNotItsValue() {
    RollbackException atCommit = new RollbackException("commit failed");
    atCommit.initCause(new PersistenceException(new SQLException(PGJDBC_MESSAGE, "23505")));

    UniqueViolation violation = UniqueViolation.of(new EJBException(atCommit)).orElseThrow();
    ProblemException problem = violation.problem();

    assertEquals("idempotency_key_pkey", violation.constraint());
    assertEquals(409, problem.statusCode());
    assertEquals("DuplicateKey", problem.gmsException());
    assertEquals(
        List.of("gms_user", "key"),
        problem.invalidParams().stream().map(ProblemException.InvalidParam::name).toList());
    assertFalse(problem.getMessage().contains("alice"), problem::getMessage);
  }

  @Test
  void aViolationBehindAnotherSqlExceptionIsFound() {
    SQLException batch = new SQLException("batch entry 0 failed", "P0001");
    batch.setNextException(new SQLException(PGJDBC_MESSAGE, "23505"));
    assertTrue(UniqueViolation.of(new PersistenceException(batch)).isPresent());
  }

  @Test
  void aMessageWithoutDetailStillAnswersAConflict() {
    UniqueViolation violation = UniqueViolation.parse("duplicate key");
    assertEquals(409, violation.problem().statusCode());
    assertTrue(violation.problem().invalidParams().isEmpty());
  }

  @Test
  void otherFailuresAreNoViolation() {
    assertEquals(Optional.empty(), UniqueViolation.of(new SQLException("refused", "08001")));
    assertEquals(Optional.empty(), UniqueViolation.of(new IllegalStateException("bug")));
  }
}
