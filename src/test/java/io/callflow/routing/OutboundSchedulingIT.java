package io.callflow.routing;

import static io.callflow.routing.QueuedFlowsSupport.awaitCommand;
import static io.callflow.routing.QueuedFlowsSupport.commandsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.ProblemAssertions;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callbacks at a desired time and within the customer's calling hours. */
class OutboundSchedulingIT {

  private final QueuedFlowsSupport flows = new QueuedFlowsSupport(1);
  private final String customer = Fixtures.freshNumbers(1).get(0);

  @AfterEach
  void close() {
    flows.close();
  }

  @Test
  void aDesiredTimeSchedulesTheCallAndItIsPlacedThen() throws Exception {
    String service = flows.service("request-outbound-immediate", "");
    DesktopClient agent = flows.readyAgent();
    Instant desired = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);

    String id =
        flows
            .create(service, Map.of("_phone_number", customer, "_desired_time", desired.toString()))
            .getString("_id");

    JsonObject scheduled = flows.read(id);
    assertEquals("SCHEDULED", scheduled.getString("_state"), scheduled::toString);
    assertEquals(desired.toString(), scheduled.getString("_desired_time"));
    Eventually.staysSo(
        "not called before the desired time",
        Duration.ofMillis(1500),
        () -> !commandsFor(agent, "Offer").contains(id));
    awaitCommand(agent, "Offer", id);
    assertFalse(Instant.now().isBefore(desired), "called at or after the desired time");
  }

  @Test
  void outsideCallingHoursTheCallWaitsForTheNextOpeningInTheCustomersZone() {
    // a one-hour window that opens two hours from now, in UTC, never crossing midnight
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    LocalTime opens = now.toLocalTime().plusHours(2).truncatedTo(ChronoUnit.HOURS);
    if (opens.isAfter(LocalTime.of(22, 0)) || opens.isBefore(LocalTime.of(2, 0))) {
      opens = LocalTime.of(2, 0); // crossing midnight: take tomorrow's (or today's) 02:00-03:00
    }
    String window = opens + "-" + opens.plusHours(1);
    String service =
        flows.service("request-outbound-delay", "\"_calling_hours\":\"" + window + "\"");
    ZonedDateTime expected = now.with(opens);
    if (!expected.isAfter(now)) {
      expected = expected.plusDays(1);
    }

    String id =
        flows
            .create(service, Map.of("_phone_number", customer, "_customer_time_zone", "UTC"))
            .getString("_id");

    JsonObject scheduled = flows.read(id);
    assertEquals("SCHEDULED", scheduled.getString("_state"), scheduled::toString);
    assertEquals(expected.toInstant().toString(), scheduled.getString("_desired_time"));
    ProblemAssertions.assertProblem(
        flows.gms.postForm(
            "/genesys/1/service/" + service,
            Map.of(
                "_phone_number",
                Fixtures.freshNumbers(1).get(0),
                "_customer_time_zone",
                "UTC",
                "_desired_time",
                now.plusMinutes(30).toInstant().toString())),
        400,
        "_desired_time");
  }

  @Test
  void badTimesAndZonesAreRefusedNamingTheField() {
    String service = flows.service("request-outbound-immediate", "");
    ProblemAssertions.assertProblem(
        flows.gms.postForm(
            "/genesys/1/service/" + service,
            Map.of(
                "_phone_number",
                customer,
                "_desired_time",
                Instant.now().minusSeconds(3600).toString())),
        400,
        "_desired_time");
    ProblemAssertions.assertProblem(
        flows.gms.postForm(
            "/genesys/1/service/" + service,
            Map.of("_phone_number", customer, "_desired_time", "tomorrow")),
        400,
        "_desired_time");
    ProblemAssertions.assertProblem(
        flows.gms.postForm(
            "/genesys/1/service/" + service,
            Map.of("_phone_number", customer, "_customer_time_zone", "Mars/Olympus")),
        400,
        "_customer_time_zone");
    ProblemAssertions.assertProblem(
        flows.gms.putJson(
            "/admin/services/" + Fixtures.uniqueName("bad"),
            "{\"flow\":\"request-outbound-delay\",\"options\":{\"_calling_hours\":\"Mon-Fri 18:00-09:00\"}}"),
        400,
        "options._calling_hours");
  }
}
