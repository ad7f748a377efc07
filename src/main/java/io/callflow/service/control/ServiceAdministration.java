package io.callflow.service.control;

import io.callflow.access.control.PoolAdministration;
import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.service.entity.ServiceConfiguration;
import io.callflow.service.entity.ServiceDefinition;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Lists, creates and reconfigures the services apps post to, for operators. */
@Stateless
public class ServiceAdministration {

  @PersistenceContext EntityManager em;
  @Inject PoolAdministration pools;
  @Inject jakarta.enterprise.event.Event<ServiceCatalog.Changed> changes;

  public List<ServiceDefinition> services() {
    return em.createQuery(
            "SELECT s FROM ServiceDefinition s ORDER BY s.name", ServiceDefinition.class)
        .getResultList();
  }

  public Optional<ServiceDefinition> service(String name) {
    return Optional.ofNullable(em.find(ServiceDefinition.class, name));
  }

  /**
   * Creates the service or replaces its flow and options. 400 naming {@code
   * options._resource_group} when that names no pool: the service could never hand out a number.
   */
  public ServiceDefinition configure(String name, ServiceConfiguration configuration) {
    configuration
        .resourceGroup()
        .filter(pool -> !pools.exists(pool))
        .ifPresent(
            pool -> {
              throw new ParameterInvalid(
                  "options." + ServiceConfiguration.RESOURCE_GROUP, "no pool named '" + pool + "'");
            });
    // in SQL, so that two requests creating one service at once settle on the row, not on its key
    em.createNativeQuery(
            "INSERT INTO service (name, flow) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING")
        .setParameter(1, name)
        .setParameter(2, configuration.flow().gmsName())
        .executeUpdate();
    ServiceDefinition service =
        em.find(ServiceDefinition.class, name, LockModeType.PESSIMISTIC_WRITE);
    service.reconfigure(configuration);
    changes.fire(new ServiceCatalog.Changed(name));
    return service;
  }
}
