package io.callflow.service.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.platform.persistence.Sql;
import io.callflow.service.entity.ServiceInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceWritesTest {

  @Test
  void anUpdateSetsEveryColumnButTheIdAndFailsUnlessItFindsTheVersionItWasReadWith() {
    List<String> columns = ServiceInstance.COLUMNS;
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = "value of " + columns.get(i);
    }
    row[row.length - 1] = 7L;

    Sql.Statement update = InstanceWrites.update(row);

    String sql = update.sql();
    assertEquals(update.parameters().length, sql.chars().filter(c -> c == '?').count());
    String set = sql.substring(sql.indexOf(" SET ") + 5, sql.indexOf(" WHERE "));
    String[] assignments = set.split(", ");
    assertEquals(columns.size() - 1, assignments.length);
    for (int i = 0; i < assignments.length; i++) {
      String column = assignments[i].substring(0, assignments[i].indexOf(" = ?"));
      Object expected = column.equals("version") ? 8L : "value of " + column;
      assertEquals(expected, update.parameters()[i], column);
    }
    assertEquals(
        " WHERE id = ? AND version = ? RETURNING 1)"
            + " SELECT callflow_one_row_changed(count(*), 'Service instance ' || ?) FROM changed",
        sql.substring(sql.indexOf(" WHERE ")));
    assertEquals("value of id", update.parameters()[assignments.length]);
    assertEquals(7L, update.parameters()[assignments.length + 1]);
    assertEquals("value of id", update.parameters()[assignments.length + 2]);
  }
}
