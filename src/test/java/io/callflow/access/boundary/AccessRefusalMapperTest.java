package io.callflow.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.access.control.AllocationLimited;
import io.callflow.access.control.PoolChangeRefused;
import io.callflow.access.control.PoolExhausted;
import io.callflow.access.control.PoolMissing;
import io.callflow.access.control.PoolNotFound;
import io.callflow.platform.domain.ParameterInvalid.Field;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessRefusalMapperTest {

  @Test
  void anExhaustedPoolIsA503UntilItsNextBookingEndsInWholeSeconds() {
    ProblemException problem =
        AccessRefusalMapper.problem(new PoolExhausted("demo", Duration.ofMillis(1500)));

    assertEquals(503, problem.statusCode());
    assertEquals("POOL_EXHAUSTED", problem.phrase());
    assertEquals("PoolExhausted", problem.gmsException());
    assertEquals("_resource_group: pool demo has no free access number", problem.getMessage());
    assertEquals(
        List.of(new InvalidParam("_resource_group", "pool demo is exhausted")),
        problem.invalidParams());
    assertEquals(Optional.of(2L), problem.retryAfterSeconds());
  }

  @Test
  void anExhaustedPoolAsksToWaitAtLeastOneSecond() {
    ProblemException problem =
        AccessRefusalMapper.problem(new PoolExhausted("demo", Duration.ZERO));
    assertEquals(Optional.of(1L), problem.retryAfterSeconds());
  }

  @Test
  void aMissingPoolIsTheServersFaultAndNamesThePoolForTheOperator() {
    ProblemException problem = AccessRefusalMapper.problem(new PoolMissing("east"));

    assertEquals(503, problem.statusCode());
    assertEquals("SERVICE_UNAVAILABLE", problem.phrase());
    assertEquals("PoolNotConfigured", problem.gmsException());
    assertEquals(
        "the service's configuration names the pool east, which this server does not have"
            + " (an operator creates it: PUT /admin/pools/east)",
        problem.getMessage());
    assertEquals(List.of(), problem.invalidParams());
    assertEquals(Optional.of(60L), problem.retryAfterSeconds());
    assertEquals(Map.of("pool", Json.createValue("east")), problem.extensions());
  }

  @Test
  void aClientOverItsAllocationLimitIsA429() {
    ProblemException problem =
        AccessRefusalMapper.problem(new AllocationLimited("request-interaction", "alice", 5, 10));

    assertEquals(429, problem.statusCode());
    assertEquals("TOO_MANY_REQUESTS", problem.phrase());
    assertEquals("RateLimited", problem.gmsException());
    assertEquals(
        "client alice asked service request-interaction for more than 5 access numbers a minute",
        problem.getMessage());
    assertEquals(Optional.of(1L), problem.retryAfterSeconds());
  }

  @Test
  void aConflictingPoolChangeIsA409NamingEachNumber() {
    ProblemException problem =
        AccessRefusalMapper.problem(
            new PoolChangeRefused(
                "+18005550100 has a live booking; remove once the booking has ended",
                List.of(new Field("numbers[0]", "+18005550100 has a live booking"))));

    assertEquals(409, problem.statusCode());
    assertEquals("Conflict", problem.gmsException());
    assertEquals(
        List.of(new InvalidParam("numbers[0]", "+18005550100 has a live booking")),
        problem.invalidParams());
  }

  @Test
  void anUnknownPoolIsA404() {
    ProblemException problem = AccessRefusalMapper.problem(new PoolNotFound("west"));

    assertEquals(404, problem.statusCode());
    assertEquals("NOT_FOUND", problem.phrase());
    assertEquals("no pool named west", problem.getMessage());
  }
}
