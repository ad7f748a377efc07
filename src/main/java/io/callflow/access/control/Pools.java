package io.callflow.access.control;

import io.callflow.access.entity.AccessNumber;
import io.callflow.access.entity.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.Optional;

/** Looks pools up for other features. */
@ApplicationScoped
@Transactional
public class Pools {

  @PersistenceContext EntityManager em;

  /** The pool whose location covers the point and lies nearest to it, if any covers it. */
  public Optional<Pool> nearestCovering(double latitude, double longitude) {
    return em
        .createQuery("SELECT p FROM Pool p ORDER BY p.name", Pool.class)
        .getResultList()
        .stream()
        .filter(p -> p.location().map(l -> l.covers(latitude, longitude)).orElse(false))
        .min(
            Comparator.comparingDouble(
                p -> p.location().orElseThrow().distanceKm(latitude, longitude)));
  }

  /** The pool an access number belongs to, if it is one. */
  public Optional<Pool> ofNumber(String e164) {
    AccessNumber number = em.find(AccessNumber.class, e164);
    return number == null
        ? Optional.empty()
        : Optional.ofNullable(em.find(Pool.class, number.poolName()));
  }
}
