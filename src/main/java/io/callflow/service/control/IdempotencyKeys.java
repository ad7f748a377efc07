package io.callflow.service.control;

import io.callflow.service.entity.IdempotencyKeyReused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Idempotency-Key on creates, kept 24 h per gms_user. The claim is an insert into a table keyed by
 * (gms_user, key) inside the create's transaction: a concurrent repeat waits on that key until the
 * first create commits (then answers its instance) or rolls back (then creates its own).
 */
@Stateless
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  static final Duration KEPT = Duration.ofHours(24);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /**
   * Claims {@code key} for a new instance {@code serviceId}; returns the instance an earlier
   * identical request created instead, if there was one.
   */
  public Optional<String> claim(String gmsUser, String key, String requestHash, String serviceId) {
    String user = gmsUser == null ? "" : gmsUser;
    Instant now = clock.instant();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO idempotency_key (gms_user, key, request_hash, service_id, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
            .setParameter(1, user)
            .setParameter(2, key)
            .setParameter(3, requestHash)
            .setParameter(4, serviceId)
            .setParameter(5, Timestamp.from(now))
            .executeUpdate();
    if (inserted == 1) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT request_hash, service_id, created_at FROM idempotency_key"
                    + " WHERE gms_user = ?1 AND key = ?2 FOR UPDATE")
            .setParameter(1, user)
            .setParameter(2, key)
            .getResultList();
    Object[] row = rows.get(0);
    Instant createdAt = ((Timestamp) row[2]).toInstant();
    if (createdAt.plus(KEPT).isBefore(now)) {
      em.createNativeQuery(
              "UPDATE idempotency_key SET request_hash = ?1, service_id = ?2, created_at = ?3"
                  + " WHERE gms_user = ?4 AND key = ?5")
          .setParameter(1, requestHash)
          .setParameter(2, serviceId)
          .setParameter(3, Timestamp.from(now))
          .setParameter(4, user)
          .setParameter(5, key)
          .executeUpdate();
      return Optional.empty();
    }
    if (!requestHash.equals(row[0])) {
      throw new IdempotencyKeyReused();
    }
    return Optional.of((String) row[1]);
  }

  /** Forgets keys older than 24 h; answers how many. */
  public int forgetExpired() {
    return em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
        .setParameter(1, Timestamp.from(clock.instant().minus(KEPT)))
        .executeUpdate();
  }

  /** A digest of what identifies a create: the service and its parameters, in key order. */
  public static String hash(String serviceName, Map<String, String> parameters) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(serviceName.getBytes(StandardCharsets.UTF_8));
      new TreeMap<>(parameters)
          .forEach(
              (k, v) -> {
                digest.update((byte) 0);
                digest.update(k.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 1);
                digest.update(v.getBytes(StandardCharsets.UTF_8));
              });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
