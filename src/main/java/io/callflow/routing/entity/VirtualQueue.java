package io.callflow.routing.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.regex.Pattern;

/** A virtual queue and its options (a JSON object of strings, e.g. a default handle time). */
@Entity
@Table(name = "virtual_queue")
public class VirtualQueue {

  /** Queue names as services and desktops write them. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  @Id private String name;
  private String options;
  @Version private long version;

  protected VirtualQueue() {}

  public VirtualQueue(String name, String optionsJson) {
    this.name = name;
    this.options = optionsJson;
  }

  public void reconfigure(String optionsJson) {
    this.options = optionsJson;
  }

  public String name() {
    return name;
  }

  public String optionsJson() {
    return options;
  }
}
