package io.callflow.service.control;

import io.callflow.platform.json.StringObjects;
import io.callflow.platform.rest.ProblemException;
import io.callflow.service.entity.ServiceDefinition;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/** The configured services apps post to. */
@Stateless
public class ServiceCatalog {

  @PersistenceContext EntityManager em;

  public ServiceDefinition find(String name) {
    ServiceDefinition service = em.find(ServiceDefinition.class, name);
    if (service == null) {
      throw new ProblemException(
          jakarta.ws.rs.core.Response.Status.NOT_FOUND,
          "NOT_FOUND",
          "ServiceNotFound",
          "service-name: no service named " + name,
          List.of(new ProblemException.InvalidParam("service-name", "no service named " + name)));
    }
    return service;
  }

  /** A service's configured options as strings. */
  public static Map<String, String> optionsOf(ServiceDefinition service) {
    return StringObjects.read(service.optionsJson());
  }
}
