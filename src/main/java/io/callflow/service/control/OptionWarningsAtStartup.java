package io.callflow.service.control;

import io.callflow.platform.persistence.SchemaMigration;
import io.callflow.service.entity.ServiceDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Says once, at startup, which configured options the server stores but does not act on (a GMS
 * option it has no use for, a misspelling), so an operator who copied a service section from GMS
 * learns it from the log as well as from the admin API's {@code warnings}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class OptionWarningsAtStartup {

  private static final Logger LOG = Logger.getLogger(OptionWarningsAtStartup.class.getName());

  @PersistenceContext EntityManager em;
  @Inject SchemaMigration schema;

  @PostConstruct
  void logWarnings() {
    if (!schema.outcome().succeeded()) {
      return; // no schema yet: nothing configured to read
    }
    try {
      em.createQuery("SELECT s FROM ServiceDefinition s ORDER BY s.name", ServiceDefinition.class)
          .getResultStream()
          .forEach(
              service ->
                  service
                      .warnings()
                      .forEach(
                          warning ->
                              LOG.warning(
                                  "Service "
                                      + service.name()
                                      + ": option "
                                      + warning.name()
                                      + " is stored but not acted on: "
                                      + warning.reason())));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Option warnings not read at startup", e);
    }
  }
}
