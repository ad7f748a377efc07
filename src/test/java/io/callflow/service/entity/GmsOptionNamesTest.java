package io.callflow.service.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.service.control.ServiceOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GmsOptionNamesTest {

  @Test
  void gmsSpellingsAreReadUnderOurNames() {
    ServiceOptions options =
        resolved(
            new ServiceDefinition(
                "s",
                Flow.REQUEST_INBOUND_DELAY,
                "{\"_urs_queued_ttl\":\"600\",\"_urs_virtual_queue\":\"sales\"}"));
    assertEquals(Duration.ofSeconds(600), options.queuedTtl());
    assertEquals("sales", options.queue());
  }

  @Test
  void ourSpellingWinsWhereBothAreGiven() {
    ServiceOptions options =
        resolved(
            new ServiceDefinition(
                "s",
                Flow.REQUEST_INBOUND_DELAY,
                "{\"_urs_queued_ttl\":\"600\",\"_queued_ttl\":\"900\","
                    + "\"_urs_virtual_queue\":\"sales\",\"_queue\":\"support\","
                    + "\"_target\":\"billing@StatServer.GA\"}"));
    assertEquals(Duration.ofSeconds(900), options.queuedTtl());
    assertEquals("support", options.queue());
  }

  @ParameterizedTest(name = "_target {0} reads as _queue {1}")
  @CsvSource({"billing@StatServer.GA, billing", "VQ_Sales@.GA, VQ_Sales", "Tier2@Stat.A, Tier2"})
  void targetOfAQueueFormNamesTheQueue(String target, String queue) {
    ServiceDefinition service =
        new ServiceDefinition("s", Flow.REQUEST_OUTBOUND_DELAY, "{\"_target\":\"" + target + "\"}");
    assertEquals(queue, resolved(service).queue());
    assertEquals(List.of(), service.warnings());
  }

  @Test
  void whatIsNotActedOnIsStoredWithAReason() {
    ServiceDefinition service =
        new ServiceDefinition(
            "s",
            Flow.REQUEST_OUTBOUND_DELAY,
            "{\"_media_type\":\"voice\",\"_eta_pos_threshold\":\"0:10\",\"_route_point\":\"5000@SIP\","
                + "\"_cpd_enable\":\"true\",\"_queu\":\"sales\",\"_target\":\"Sales\","
                + "\"_urs_queued_ttl\":\"600\",\"_queue\":\"default\"}");
    assertEquals(
        List.of(
            "_media_type", "_eta_pos_threshold", "_route_point", "_cpd_enable", "_queu", "_target"),
        service.warnings().stream().map(GmsOptionNames.Warning::name).toList());
    assertEquals("voice", service.options().get("_media_type"), "stored all the same");
    service.warnings().forEach(w -> assertEquals(false, w.reason().isBlank(), w.toString()));
  }

  private static ServiceOptions resolved(ServiceDefinition service) {
    return ServiceOptions.resolve(service.options(), Map.of(), ignored -> {});
  }
}
