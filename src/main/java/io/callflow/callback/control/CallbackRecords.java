package io.callflow.callback.control;

import io.callflow.callback.entity.CallbackRecord;
import io.callflow.callback.entity.CallbackState;
import io.callflow.service.entity.Flow;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.storage.control.AppDataStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Callback records as GMS clients decode them: every member a string — {@code _id}, {@code
 * _service_name}, {@code _callback_state}, {@code _callback_reason}, {@code _desired_time}, {@code
 * _expiration_time}, {@code _customer_number} — and the app data beside them.
 */
@Stateless
public class CallbackRecords {

  /** Most recent records a property query looks through. */
  static final int QUERY_LIMIT = 1000;

  /** How long a record is kept after its callback was created (GMS's record TTL). */
  static final Duration RECORD_TTL = Duration.ofDays(1);

  @PersistenceContext EntityManager em;
  @Inject AppDataStore appData;

  public CallbackRecord of(ServiceInstance instance) {
    Instant desired = instance.desiredTime().orElse(instance.createdAt());
    return new CallbackRecord(
        appData.read(instance.dataId()).orElse(Map.of()),
        instance.id(),
        instance.serviceName(),
        CallbackState.of(instance.state()),
        CallbackState.reason(instance.state()),
        desired,
        desired.plus(RECORD_TTL),
        instance.phoneNumber().orElse(""));
  }

  /** Records of callback services (or of {@code service}) whose properties match the query. */
  public List<CallbackRecord> query(
      Optional<String> service, Map<String, String> query, String gmsUser) {
    boolean any = "OR".equalsIgnoreCase(query.getOrDefault("operand", "AND"));
    Map<String, String> wanted = new LinkedHashMap<>(query);
    wanted.remove("operand");
    List<String> services =
        service
            .map(List::of)
            .orElseGet(
                () ->
                    em.createQuery(
                            "SELECT s.name FROM ServiceDefinition s WHERE s.flow = :flow",
                            String.class)
                        .setParameter("flow", Flow.CALLBACK.gmsName())
                        .getResultList());
    if (services.isEmpty()) {
      return List.of();
    }
    return em
        .createQuery(
            "SELECT i FROM ServiceInstance i WHERE i.serviceName IN :services ORDER BY i.createdAt DESC",
            ServiceInstance.class)
        .setParameter("services", services)
        .setMaxResults(QUERY_LIMIT)
        .getResultList()
        .stream()
        .filter(instance -> instance.isVisibleTo(gmsUser))
        .map(this::of)
        .filter(record -> matches(record.properties(), wanted, any))
        .toList();
  }

  /** {@code value} equals the record's property; {@code !value} differs from it. */
  static boolean matches(Map<String, String> record, Map<String, String> wanted, boolean any) {
    if (wanted.isEmpty()) {
      return true;
    }
    return any
        ? wanted.entrySet().stream().anyMatch(e -> matches(record.get(e.getKey()), e.getValue()))
        : wanted.entrySet().stream().allMatch(e -> matches(record.get(e.getKey()), e.getValue()));
  }

  private static boolean matches(String actual, String wanted) {
    if (wanted.startsWith("!")) {
      return !wanted.substring(1).equals(actual);
    }
    return wanted.equals(actual);
  }
}
