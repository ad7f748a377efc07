package io.callflow.access.control;

import io.callflow.access.entity.AccessNumber;
import io.callflow.access.entity.Pool;
import io.callflow.access.entity.PoolSnapshot;
import io.callflow.access.entity.PoolSpecification;
import io.callflow.access.entity.Utilisation;
import io.callflow.platform.domain.ParameterInvalid.Field;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates, reconfigures and deletes pools and moves numbers in and out of them, for operators.
 *
 * <p>Every change locks the pool's row, and a removal also the rows of the numbers it removes,
 * before looking at live bookings: changes to one pool serialise across server instances, and an
 * allocator that locks a number's row while it books it can never book a number that is being
 * removed.
 */
@Stateless
public class PoolAdministration {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<PoolChanges.Changed> changes;

  public List<PoolSnapshot> pools() {
    List<Pool> pools =
        em.createQuery("SELECT p FROM Pool p ORDER BY p.name", Pool.class).getResultList();
    Map<String, List<String>> numbers =
        em.createQuery("SELECT a FROM AccessNumber a ORDER BY a.number", AccessNumber.class)
            .getResultStream()
            .collect(
                Collectors.groupingBy(
                    AccessNumber::poolName,
                    Collectors.mapping(AccessNumber::number, Collectors.toList())));
    Map<String, Long> live = liveBookingsPerPool();
    return pools.stream()
        .map(
            pool -> {
              List<String> own = numbers.getOrDefault(pool.name(), List.of());
              return new PoolSnapshot(
                  pool, own, new Utilisation(live.getOrDefault(pool.name(), 0L), own.size()));
            })
        .toList();
  }

  public Optional<PoolSnapshot> pool(String name) {
    return Optional.ofNullable(em.find(Pool.class, name)).map(this::snapshot);
  }

  public boolean exists(String name) {
    return em.find(Pool.class, name) != null;
  }

  /** A new pool with its numbers; 409 when the name is taken or a number is in another pool. */
  public PoolSnapshot create(PoolSpecification specification) {
    if (!insertIfAbsent(specification)) {
      throw new PoolChangeRefused(
          "pool "
              + specification.name()
              + " already exists; PUT /admin/pools/"
              + specification.name()
              + " reconfigures it",
          List.of(new Field("name", "a pool named " + specification.name() + " already exists")));
    }
    return configureLocked(specification);
  }

  /**
   * Creates the pool or replaces its configuration; its numbers stay, the specification's are
   * added.
   */
  public PoolSnapshot configure(PoolSpecification specification) {
    insertIfAbsent(specification);
    return configureLocked(specification);
  }

  /** Deletes a pool and its numbers; 409 while it has live bookings. */
  public PoolSnapshot delete(String name) {
    Pool pool = locked(name);
    lockNumbers(name, null);
    PoolSnapshot last = snapshot(pool);
    if (last.utilisation().liveBookings() > 0) {
      throw new PoolChangeRefused(
          "pool "
              + name
              + " has "
              + last.utilisation().liveBookings()
              + " live booking(s); delete it once they have ended",
          List.of(new Field("name", "pool " + name + " has live bookings")));
    }
    em.createQuery("DELETE FROM AccessNumber a WHERE a.poolName = :pool")
        .setParameter("pool", name)
        .executeUpdate();
    em.remove(pool);
    changes.fire(new PoolChanges.Changed(name));
    return last;
  }

  /**
   * Adds numbers (E.164) to a pool; a number already in it is fine. 409 naming {@code numbers[i]}
   * for each number that belongs to another pool.
   */
  public PoolSnapshot addNumbers(String name, List<String> numbers) {
    Pool pool = locked(name);
    add(pool, numbers);
    return snapshot(pool);
  }

  /**
   * Removes numbers (E.164) from a pool; a number not in it is fine. 409 naming {@code numbers[i]}
   * for each number that has a live booking.
   */
  public PoolSnapshot removeNumbers(String name, List<String> numbers) {
    Pool pool = locked(name);
    List<AccessNumber> present = lockNumbers(name, numbers);
    Set<String> booked = liveBookedNumbers(name);
    List<Field> conflicts = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      if (booked.contains(numbers.get(i))) {
        conflicts.add(new Field("numbers[" + i + "]", numbers.get(i) + " has a live booking"));
      }
    }
    if (!conflicts.isEmpty()) {
      throw new PoolChangeRefused(
          describe(conflicts) + "; remove once the booking has ended", conflicts);
    }
    present.forEach(em::remove);
    return snapshot(pool);
  }

  private PoolSnapshot configureLocked(PoolSpecification specification) {
    Pool pool = locked(specification.name());
    specification.applyTo(pool);
    add(pool, specification.numbers());
    em.flush();
    // a pool turned from shared to locking keeps its numbers' shared bookings until they end
    em.createNativeQuery(
            "UPDATE access_number n SET free = NOT free WHERE pool_name = ?1 AND free = EXISTS"
                + " (SELECT 1 FROM booking b WHERE b.number = n.number AND b.active)")
        .setParameter(1, pool.name())
        .executeUpdate();
    changes.fire(new PoolChanges.Changed(pool.name()));
    return snapshot(pool);
  }

  /**
   * Inserts a bare pool row unless the name exists. Done in SQL so that two requests creating the
   * same pool at once (on one server or two) settle on the row, never on a primary-key failure.
   */
  private boolean insertIfAbsent(PoolSpecification specification) {
    return em.createNativeQuery(
                "INSERT INTO pool (name, allocation) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING")
            .setParameter(1, specification.name())
            .setParameter(2, specification.allocation().name())
            .executeUpdate()
        == 1;
  }

  private void add(Pool pool, List<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    for (String number : new LinkedHashSet<>(numbers)) {
      // a number another pool holds stays there; the check below tells the operator
      em.createNativeQuery(
              "INSERT INTO access_number (number, pool_name, added_at) VALUES (?1, ?2, ?3)"
                  + " ON CONFLICT (number) DO NOTHING")
          .setParameter(1, number)
          .setParameter(2, pool.name())
          .setParameter(3, now)
          .executeUpdate();
    }
    Map<String, String> owners = new HashMap<>();
    em.createQuery("SELECT a FROM AccessNumber a WHERE a.number IN :numbers", AccessNumber.class)
        .setParameter("numbers", List.copyOf(new LinkedHashSet<>(numbers)))
        .getResultStream()
        .forEach(a -> owners.put(a.number(), a.poolName()));
    List<Field> conflicts = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      String owner = owners.get(numbers.get(i));
      if (!pool.name().equals(owner)) {
        conflicts.add(
            new Field("numbers[" + i + "]", numbers.get(i) + " belongs to pool " + owner));
      }
    }
    if (!conflicts.isEmpty()) {
      throw new PoolChangeRefused(describe(conflicts) + "; remove it from there first", conflicts);
    }
  }

  private Pool locked(String name) {
    Pool pool = em.find(Pool.class, name, LockModeType.PESSIMISTIC_WRITE);
    if (pool == null) {
      throw new PoolNotFound(name);
    }
    return pool;
  }

  /** Locks the pool's rows of {@code numbers} (all of them when null) and answers them. */
  private List<AccessNumber> lockNumbers(String pool, List<String> numbers) {
    if (numbers != null && numbers.isEmpty()) {
      return List.of();
    }
    var query =
        numbers == null
            ? em.createQuery(
                "SELECT a FROM AccessNumber a WHERE a.poolName = :pool", AccessNumber.class)
            : em.createQuery(
                    "SELECT a FROM AccessNumber a WHERE a.poolName = :pool AND a.number IN :numbers",
                    AccessNumber.class)
                .setParameter("numbers", List.copyOf(new LinkedHashSet<>(numbers)));
    return query
        .setParameter("pool", pool)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  private PoolSnapshot snapshot(Pool pool) {
    List<String> numbers =
        em.createQuery(
                "SELECT a.number FROM AccessNumber a WHERE a.poolName = :pool ORDER BY a.number",
                String.class)
            .setParameter("pool", pool.name())
            .getResultList();
    long live =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM booking WHERE pool_name = ?1 AND active AND expires_at > ?2")
                    .setParameter(1, pool.name())
                    .setParameter(2, Timestamp.from(clock.instant()))
                    .getSingleResult())
            .longValue();
    return new PoolSnapshot(pool, numbers, new Utilisation(live, numbers.size()));
  }

  private Map<String, Long> liveBookingsPerPool() {
    Map<String, Long> live = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT pool_name, count(*) FROM booking WHERE active AND expires_at > ?1 GROUP BY pool_name")
            .setParameter(1, Timestamp.from(clock.instant()))
            .getResultList();
    rows.forEach(row -> live.put((String) row[0], ((Number) row[1]).longValue()));
    return live;
  }

  private Set<String> liveBookedNumbers(String pool) {
    @SuppressWarnings("unchecked")
    List<String> numbers =
        em.createNativeQuery(
                "SELECT DISTINCT number FROM booking WHERE pool_name = ?1 AND active AND expires_at > ?2")
            .setParameter(1, pool)
            .setParameter(2, Timestamp.from(clock.instant()))
            .getResultList();
    return Set.copyOf(numbers);
  }

  private static String describe(List<Field> conflicts) {
    return conflicts.stream().map(Field::reason).distinct().collect(Collectors.joining(", "));
  }
}
