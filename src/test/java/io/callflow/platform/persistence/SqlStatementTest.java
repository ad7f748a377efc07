package io.callflow.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementTest {

  @Test
  void rowsMakeOneInsertWithTheirValuesInOrder() {
    Sql.Statement insert =
        Sql.Statement.rows(
            "INSERT INTO t (a, b) VALUES",
            "(?, ?)",
            List.of(new Object[] {"a1", 1}, new Object[] {"a2", null}));

    assertEquals("INSERT INTO t (a, b) VALUES (?, ?), (?, ?)", insert.sql());
    assertArrayEquals(new Object[] {"a1", 1, "a2", null}, insert.parameters());
  }

  @Test
  void joinedStatementsKeepTheirOrderAndTheirParameters() {
    Sql.Statement joined =
        Sql.Statement.joined(
            List.of(
                new Sql.Statement("UPDATE t SET a = ? WHERE b = ?", "x", 2),
                new Sql.Statement("DELETE FROM u WHERE c = ?", "y")));

    assertEquals("UPDATE t SET a = ? WHERE b = ?;\nDELETE FROM u WHERE c = ?", joined.sql());
    assertArrayEquals(new Object[] {"x", 2, "y"}, joined.parameters());
  }

  @Test
  void oneStatementJoinedStaysAsItIs() {
    Sql.Statement joined =
        Sql.Statement.joined(List.of(new Sql.Statement("DELETE FROM u WHERE c = ?", "y")));

    assertEquals("DELETE FROM u WHERE c = ?", joined.sql());
    assertArrayEquals(new Object[] {"y"}, joined.parameters());
  }
}
