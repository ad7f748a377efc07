package io.callflow.service.entity;

/**
 * No service instance with this id, or one another gms_user created: the asker cannot tell which.
 */
public final class InstanceNotFound extends ServiceRefusal {

  public InstanceNotFound(String id) {
    super("no service instance " + id);
  }
}
