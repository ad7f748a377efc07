package io.callflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * History seeded by SQL, for the scale points: ended request-interaction instances, each with a
 * matched booking on one of a pool's numbers. Written against today's schema (service_instance,
 * booking); a schema change makes it fail loudly rather than seed something else.
 */
final class SeedData {

  private SeedData() {}

  static void endedCalls(Connection sql, String pool, int count) throws SQLException {
    try (PreparedStatement seed =
            sql.prepareStatement(
                "WITH numbers AS (SELECT number, row_number() OVER (ORDER BY number) - 1 AS i,"
                    + "   count(*) OVER () AS n FROM access_number WHERE pool_name = ?),"
                    + " calls AS (SELECT gen_random_uuid()::text AS id, g AS i,"
                    + "   now() - interval '2 hours' + g * interval '1 millisecond' AS at"
                    + "   FROM generate_series(0, ? - 1) g),"
                    + " instances AS (INSERT INTO service_instance (id, service_name, flow, state,"
                    + "   data_id, options, created_at, updated_at)"
                    + "   SELECT id, 'request-interaction', 'request-interaction', 'COMPLETED',"
                    + "   gen_random_uuid()::text, '{}', at, at FROM calls)"
                    + " INSERT INTO booking (id, number, pool_name, locking, service_id,"
                    + "   access_code, booked_at, expires_at, active, ended_at, end_reason)"
                    + " SELECT gen_random_uuid()::text, numbers.number, ?, true, calls.id,"
                    + "   lpad((calls.i % 1000000)::text, 6, '0'), calls.at,"
                    + "   calls.at + interval '30 seconds', false, calls.at + interval '5 seconds',"
                    + "   'MATCHED'"
                    + " FROM calls JOIN numbers ON numbers.i = calls.i % numbers.n");
        Statement vacuum = sql.createStatement()) {
      seed.setString(1, pool);
      seed.setInt(2, count);
      seed.setString(3, pool);
      seed.executeUpdate();
      vacuum.execute("VACUUM ANALYZE");
    }
  }
}
