package io.callflow.routing.entity;

import io.callflow.platform.domain.Names;
import io.callflow.platform.json.StringObjects;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** A virtual queue and its options (a JSON object of strings, e.g. a default handle time). */
@Entity
@Table(name = "virtual_queue")
public class VirtualQueue {

  /** Queue names as services and desktops write them. */
  /** Option: the handle time, in seconds, to assume before desktops report any call. */
  public static final String DEFAULT_HANDLE_TIME = "_default_handle_time";

  public static final Pattern NAME = Names.upTo(64);

  @Id private String name;
  private String options;

  @Column(name = "handle_time_ms")
  private Long handleTimeMs;

  @Column(name = "handle_time_samples")
  private long handleTimeSamples;

  @Version private long version;

  protected VirtualQueue() {}

  public VirtualQueue(String name, String optionsJson) {
    this.name = name;
    this.options = optionsJson;
  }

  public void reconfigure(String optionsJson) {
    this.options = optionsJson;
  }

  /**
   * The moving average of handle time, starting at the queue's {@value #DEFAULT_HANDLE_TIME}
   * option.
   */
  public HandleTime handleTime(Duration fallback) {
    if (handleTimeMs == null || handleTimeSamples == 0) {
      return HandleTime.startingAt(configuredHandleTime().orElse(fallback));
    }
    return new HandleTime(Duration.ofMillis(handleTimeMs), handleTimeSamples);
  }

  public void recordHandleTime(Duration observed, Duration fallback) {
    HandleTime next = handleTime(fallback).with(observed);
    handleTimeMs = next.average().toMillis();
    handleTimeSamples = next.samples();
  }

  private Optional<Duration> configuredHandleTime() {
    String seconds = StringObjects.read(options).get(DEFAULT_HANDLE_TIME);
    try {
      return seconds == null
          ? Optional.empty()
          : Optional.of(Duration.ofSeconds(Long.parseLong(seconds.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public String name() {
    return name;
  }

  public String optionsJson() {
    return options;
  }
}
