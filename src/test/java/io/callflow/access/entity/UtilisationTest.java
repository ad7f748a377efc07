package io.callflow.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UtilisationTest {

  @Test
  void ratioIsLiveBookingsPerNumber() {
    assertEquals(0.25, new Utilisation(5, 20).ratio());
    assertEquals(0.3333, new Utilisation(1, 3).ratio());
  }

  @Test
  void sharedPoolMayHoldMoreBookingsThanNumbers() {
    assertEquals(3.5, new Utilisation(7, 2).ratio());
  }

  @Test
  void poolWithoutNumbersIsIdle() {
    assertEquals(0, new Utilisation(0, 0).ratio());
  }
}
