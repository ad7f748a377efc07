package io.callflow.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which indexes a statement's generic plan reads: the plan a prepared statement ends up with, made
 * without its parameters' values. Tests of a statement's cost check it reaches its index, whatever
 * the table holds.
 */
public final class QueryPlans {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\?");

  private QueryPlans() {}

  /** One index a plan reads, and whether it seeks (an index condition) or reads it all. */
  public static String read(String index, boolean seeks) {
    return index + (seeks ? " seek" : " full scan");
  }

  /**
   * The indexes whose names start with {@code prefix} that the generic plan of {@code sql} (JDBC
   * placeholders) reads, each as {@link #read} names it. Runs in the caller's transaction (its
   * connection not auto-committing), whose end resets the planner setting it makes.
   */
  public static Set<String> indexes(Statement statement, String sql, String prefix)
      throws SQLException {
    statement.execute("DEALLOCATE ALL");
    Matcher placeholders = PLACEHOLDER.matcher(sql);
    StringBuilder numbered = new StringBuilder();
    int count = 0;
    while (placeholders.find()) {
      placeholders.appendReplacement(numbered, "\\$" + ++count);
    }
    placeholders.appendTail(numbered);
    statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
    statement.execute("PREPARE checked AS " + numbered);
    String nulls = String.join(", ", Collections.nCopies(count, "NULL"));
    try (ResultSet plan =
        statement.executeQuery(
            "EXPLAIN (FORMAT JSON) EXECUTE checked" + (count == 0 ? "" : "(" + nulls + ")"))) {
      plan.next();
      JsonArray root = Json.createReader(new StringReader(plan.getString(1))).readArray();
      Set<String> indexes = new TreeSet<>();
      collect(root.getJsonObject(0).getJsonObject("Plan"), prefix, indexes);
      return indexes;
    }
  }

  private static void collect(JsonObject node, String prefix, Set<String> indexes) {
    String index = node.getString("Index Name", "");
    if (index.startsWith(prefix)) {
      indexes.add(read(index, node.containsKey("Index Cond")));
    }
    if (node.containsKey("Plans")) {
      for (JsonValue child : node.getJsonArray("Plans")) {
        collect(child.asJsonObject(), prefix, indexes);
      }
    }
  }
}
