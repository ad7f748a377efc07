package io.callflow.service.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An instance's row as plain JDBC writes and reads it: {@link ServiceInstance#COLUMNS}, {@link
 * ServiceInstance#columnValues} and {@link ServiceInstance#read} name the same columns in the same
 * order, so an instance written and read back is the instance.
 */
class ServiceInstanceRowTest {

  @Test
  void aRowWrittenAndReadBackIsTheSameInstance() throws Exception {
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    ServiceInstance written =
        new ServiceInstance(
            "id-1",
            new ServiceDefinition("request-interaction", Flow.REQUEST_INTERACTION, "{}"),
            InstanceState.ACCESS_ISSUED,
            "user",
            "+14155550123",
            "data-1",
            "{\"_provide_code\":\"true\"}",
            now);
    written.remember(StateChange.created(written, now));
    Object[] values = written.columnValues();
    assertEquals(ServiceInstance.COLUMNS.size(), values.length, "one value per column");

    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put("p_" + ServiceInstance.COLUMNS.get(i), values[i]);
    }
    List<String> asked = new ArrayList<>();
    ServiceInstance read = ServiceInstance.read(resultSet(row, asked), "p_");

    assertEquals(
        ServiceInstance.COLUMNS.stream().map(c -> "p_" + c).toList(),
        asked,
        "every column, in order");
    assertEquals(Arrays.asList(values), Arrays.asList(read.columnValues()));
    assertEquals(written.history(), read.history());
  }

  /** A one-row result set over {@code row}, recording the columns asked for. */
  private static ResultSet resultSet(Map<String, Object> row, List<String> asked) {
    return (ResultSet)
        Proxy.newProxyInstance(
            ResultSet.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            (proxy, method, args) -> {
              String column = (String) args[0];
              asked.add(column);
              Object value = row.get(column);
              return switch (method.getName()) {
                case "getString" -> (String) value;
                case "getInt" -> (Integer) value;
                case "getLong" -> (Long) value;
                case "getBoolean" -> (Boolean) value;
                case "getTimestamp" -> value == null ? null : Timestamp.from((Instant) value);
                default -> throw new UnsupportedOperationException(method.getName());
              };
            });
  }
}
