package io.callflow.service.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a service section copied from GMS reads here: GMS 8.5's spellings of options this server
 * knows under its own name, and a warning for every option it stores but does not act on, so an
 * operator is told rather than left to wonder.
 */
public final class GmsOptionNames {

  /** GMS's name → the name this server reads the same option under. */
  private static final Map<String, String> ALIASES =
      Map.of(
          "_urs_queued_ttl", OptionKey.QUEUED_TTL,
          "_urs_virtual_queue", OptionKey.QUEUE);

  /** GMS's routing target; {@code name@server.type} names a virtual queue. */
  public static final String TARGET = "_target";

  private static final Pattern TARGET_QUEUE = Pattern.compile("([^@\\s]+)@[^@\\s]*\\.[A-Za-z]+");

  /** GMS options this server has no use for, and why. */
  private static final Map<String, String> NOT_ACTED_ON =
      Map.ofEntries(
          Map.entry("_media_type", "every interaction here is a voice call"),
          Map.entry(
              "_eta_pos_threshold",
              "an agent counts as available only when one is READY (no ETA bands)"),
          Map.entry("_route_point", "calls are matched by access number, not by route point"),
          Map.entry("_cpd_enable", "call progress detection is the dialer's"),
          Map.entry("_userorig_connect_limit", "not supported"),
          Map.entry("_urs_prioritization_strategy", "routing here is not URS"),
          Map.entry("_urs_strategy_update_sub_routine", "routing here is not URS"),
          Map.entry("_min_urs_ewt_pos_polling_interval", "routing here is not URS"),
          Map.entry("_max_urs_ewt_pos_polling_interval", "routing here is not URS"),
          Map.entry("_ors", "flows run in this server, not in ORS"),
          Map.entry("_service", "a service runs the flow configured for it"),
          Map.entry("_type", "a service runs the flow configured for it"));

  private GmsOptionNames() {}

  /**
   * The options as this server reads them: an option given in GMS's spelling is also read under
   * this server's name, unless that name is given too (this server's spelling wins).
   */
  public static Map<String, String> understood(Map<String, String> configured) {
    if (ALIASES.keySet().stream().noneMatch(configured::containsKey)
        && !configured.containsKey(TARGET)) {
      return configured;
    }
    Map<String, String> read = new LinkedHashMap<>(configured);
    ALIASES.forEach(
        (gms, ours) -> {
          if (configured.containsKey(gms)) {
            read.putIfAbsent(ours, configured.get(gms));
          }
        });
    targetQueue(configured.get(TARGET))
        .ifPresent(queue -> read.putIfAbsent(OptionKey.QUEUE, queue));
    return read;
  }

  /** The name this server reads {@code key} under ({@code key} itself when it is not GMS's). */
  public static String ourName(String key) {
    return ALIASES.getOrDefault(key, key);
  }

  /** Every configured option this server stores but does not act on, with the reason. */
  public static List<Warning> warnings(Map<String, String> configured) {
    List<Warning> warnings = new ArrayList<>();
    configured.forEach(
        (key, value) -> {
          if (key.equals(TARGET)) {
            if (targetQueue(value).isEmpty()) {
              warnings.add(
                  new Warning(
                      key,
                      "only a target of the form name@server.type is understood (as _queue=name)"));
            }
          } else if (NOT_ACTED_ON.containsKey(key)) {
            warnings.add(new Warning(key, NOT_ACTED_ON.get(key)));
          } else if (!ALIASES.containsKey(key) && !OptionKey.KNOWN.contains(key)) {
            warnings.add(new Warning(key, "not an option this server knows: check its spelling"));
          }
        });
    return warnings;
  }

  /** The virtual queue a {@code _target} of the form {@code name@server.type} names. */
  public static Optional<String> targetQueue(String target) {
    if (target == null) {
      return Optional.empty();
    }
    Matcher matcher = TARGET_QUEUE.matcher(target.strip());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** An option stored but not acted on: its name and why. */
  public record Warning(String name, String reason) {}
}
