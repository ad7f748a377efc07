package io.callflow.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.access.entity.Allocation;
import io.callflow.access.entity.Choice;
import io.callflow.access.entity.Location;
import io.callflow.access.entity.PoolSpecification;
import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.platform.rest.JsonRequest;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a pool's JSON must look like before anything is written. */
class PoolSpecificationJsonTest {

  private static final PhoneNumbers US = new PhoneNumbers("US");

  @Test
  void fullPoolIsReadWithNormalisedNumbers() {
    PoolSpecification pool =
        post(
            """
            {"name":"EMEA.sales-1","allocation":"SHARED","choice":"ROUND_ROBIN",
             "bookingTimeoutSeconds":120,
             "location":{"latitude":48.85,"longitude":2.35,"radiusKm":50},
             "numbers":["+18005550100","(800) 555-0101","+33 1 80 00 00 00"]}
            """);
    assertEquals("EMEA.sales-1", pool.name());
    assertEquals(Allocation.SHARED, pool.allocation());
    assertEquals(Choice.ROUND_ROBIN, pool.choice());
    assertEquals(Duration.ofSeconds(120), pool.bookingTimeout());
    assertEquals(new Location(48.85, 2.35, 50), pool.location());
    assertEquals(List.of("+18005550100", "+18005550101", "+33180000000"), pool.numbers());
  }

  @Test
  void choiceTimeoutLocationAndNumbersHaveDefaults() {
    PoolSpecification pool = post("{\"name\":\"P\",\"allocation\":\"LOCKING\",\"location\":null}");
    assertEquals(Choice.RANDOM, pool.choice());
    assertEquals(Duration.ofSeconds(30), pool.bookingTimeout());
    assertNull(pool.location());
    assertEquals(List.of(), pool.numbers());
  }

  @Test
  void putTakesTheNameFromThePathAndIgnoresUtilisation() {
    PoolSpecification pool =
        read("DNIS-2", "{\"allocation\":\"LOCKING\",\"utilisation\":{\"liveBookings\":3}}");
    assertEquals("DNIS-2", pool.name());
  }

  @Test
  void nameInBodyMustMatchThePath() {
    assertInvalid(() -> read("A", "{\"name\":\"B\",\"allocation\":\"LOCKING\"}"), "name");
  }

  @Test
  void nameMustBeShortAndPathSafe() {
    assertInvalid(() -> post("{\"name\":\"a b\",\"allocation\":\"LOCKING\"}"), "name");
    assertInvalid(() -> post("{\"name\":\"\",\"allocation\":\"LOCKING\"}"), "name");
    assertInvalid(
        () -> post("{\"name\":\"" + "x".repeat(65) + "\",\"allocation\":\"LOCKING\"}"), "name");
    assertInvalid(() -> post("{\"allocation\":\"LOCKING\"}"), "name");
    assertInvalid(() -> read("a/b", "{\"allocation\":\"LOCKING\"}"), "name");
  }

  @Test
  void allocationAndChoiceMustBeTheirConstants() {
    assertInvalid(() -> post("{\"name\":\"P\"}"), "allocation");
    assertInvalid(() -> post("{\"name\":\"P\",\"allocation\":\"locking\"}"), "allocation");
    assertInvalid(() -> post("{\"name\":\"P\",\"allocation\":7}"), "allocation");
    assertInvalid(
        () -> post("{\"name\":\"P\",\"allocation\":\"LOCKING\",\"choice\":\"FIRST\"}"), "choice");
  }

  @Test
  void bookingTimeoutIsWholeSecondsFromFiveTo1800() {
    assertEquals(Duration.ofSeconds(5), post(pool("\"bookingTimeoutSeconds\":5")).bookingTimeout());
    assertEquals(
        Duration.ofSeconds(1800), post(pool("\"bookingTimeoutSeconds\":1800")).bookingTimeout());
    assertInvalid(() -> post(pool("\"bookingTimeoutSeconds\":4")), "bookingTimeoutSeconds");
    assertInvalid(() -> post(pool("\"bookingTimeoutSeconds\":1801")), "bookingTimeoutSeconds");
    assertInvalid(() -> post(pool("\"bookingTimeoutSeconds\":30.5")), "bookingTimeoutSeconds");
    assertInvalid(() -> post(pool("\"bookingTimeoutSeconds\":\"30\"")), "bookingTimeoutSeconds");
    assertInvalid(() -> post(pool("\"bookingTimeoutSeconds\":1e30")), "bookingTimeoutSeconds");
  }

  @Test
  void locationCoordinatesAreOnEarthAndTheRadiusPositive() {
    assertInvalid(() -> post(located(90.1, 0, 1)), "location.latitude");
    assertInvalid(() -> post(located(-90.1, 0, 1)), "location.latitude");
    assertInvalid(() -> post(located(0, 180.5, 1)), "location.longitude");
    assertInvalid(() -> post(located(0, -181, 1)), "location.longitude");
    assertInvalid(() -> post(located(0, 0, 0)), "location.radiusKm");
    assertInvalid(
        () -> post(pool("\"location\":{\"latitude\":1,\"longitude\":2}")), "location.radiusKm");
    assertInvalid(() -> post(pool("\"location\":\"Paris\"")), "location");
    assertEquals(new Location(-90, 180, 0.5), post(located(-90, 180, 0.5)).location());
  }

  @Test
  void eachBadNumberIsNamedByItsIndexWithTheRawValue() {
    ProblemException problem =
        assertThrows(
            ProblemException.class,
            () ->
                post(
                    pool(
                        "\"numbers\":[\"+18005550100\",\"not a number\",\"+18005550101\",\"12\"]")));
    assertEquals(List.of("numbers[1]", "numbers[3]"), names(problem));
    assertTrue(
        problem.invalidParams().get(0).reason().contains("'not a number'"), problem::getMessage);
    assertTrue(problem.invalidParams().get(1).reason().contains("'12'"), problem::getMessage);
  }

  @Test
  void numbersMustBeAnArrayOfStrings() {
    assertInvalid(() -> post(pool("\"numbers\":\"+18005550100\"")), "numbers");
    assertInvalid(() -> post(pool("\"numbers\":[18005550100]")), "numbers[0]");
  }

  @Test
  void everyBadFieldIsNamedInOneAnswer() {
    ProblemException problem =
        assertThrows(
            ProblemException.class,
            () ->
                post(
                    "{\"name\":\"a b\",\"allocation\":\"X\",\"bookingTimeoutSeconds\":1,"
                        + "\"numbers\":[\"x\"]}"));
    assertEquals(
        List.of("name", "allocation", "bookingTimeoutSeconds", "numbers[0]"), names(problem));
  }

  @Test
  void numbersBodyRequiresTheNumbersMember() {
    assertInvalid(() -> AccessNumberList.require(request("{}"), US), "numbers");
    assertEquals(
        List.of("+18005550100", "+18005550100"),
        AccessNumberList.require(
            request("{\"numbers\":[\"800-555-0100\",\"+1 800 555 0100\"]}"), US));
  }

  @Test
  void moreThanAThousandNumbersAtOnceAreRefused() {
    String numbers =
        "\"+18005550100\",".repeat(AccessNumberList.MAX_PER_REQUEST) + "\"+18005550100\"";
    assertInvalid(
        () -> AccessNumberList.require(request("{\"numbers\":[" + numbers + "]}"), US), "numbers");
  }

  private static String pool(String member) {
    return "{\"name\":\"P\",\"allocation\":\"LOCKING\"," + member + "}";
  }

  private static String located(double latitude, double longitude, double radiusKm) {
    return pool(
        "\"location\":{\"latitude\":"
            + latitude
            + ",\"longitude\":"
            + longitude
            + ",\"radiusKm\":"
            + radiusKm
            + "}");
  }

  private static PoolSpecification post(String json) {
    return PoolSpecificationJson.read(null, request(json), US);
  }

  private static PoolSpecification read(String pathName, String json) {
    return PoolSpecificationJson.read(pathName, request(json), US);
  }

  private static JsonRequest request(String json) {
    return JsonRequest.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertInvalid(Runnable reading, String field) {
    ProblemException problem = assertThrows(ProblemException.class, reading::run);
    assertEquals(400, problem.statusCode());
    assertEquals(List.of(field), names(problem), problem::getMessage);
  }

  private static List<String> names(ProblemException problem) {
    return problem.invalidParams().stream().map(InvalidParam::name).toList();
  }
}
