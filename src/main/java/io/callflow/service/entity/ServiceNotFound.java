package io.callflow.service.entity;

/** No service of this name: neither configured nor built in. */
public final class ServiceNotFound extends ServiceRefusal {

  private final String name;

  public ServiceNotFound(String name) {
    super("no service named " + name);
    this.name = name;
  }

  public String name() {
    return name;
  }
}
