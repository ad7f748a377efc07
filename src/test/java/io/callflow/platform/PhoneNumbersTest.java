package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.platform.phone.PhoneNumbers;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  private final PhoneNumbers us = new PhoneNumbers("US");

  @ParameterizedTest
  @CsvSource({
    "+18005550100, +18005550100",
    "(800) 555-0100, +18005550100",
    "800.555.0100, +18005550100",
    "1 800 555 0100, +18005550100",
    "+33 1 80 00 00 00, +33180000000",
    "+44 20 7946 0958, +442079460958"
  })
  void writtenFormsNormaliseToE164(String raw, String e164) {
    assertEquals(Optional.of(e164), us.toE164(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "12", "anonymous", "+999999999999999999999"})
  void nonNumbersAreRejected(String raw) {
    assertEquals(Optional.empty(), us.toE164(raw));
  }

  @ParameterizedTest
  @CsvSource({"01 80 00 00 00, +33180000000"})
  void nationalNumbersUseTheConfiguredRegion(String raw, String e164) {
    assertEquals(Optional.of(e164), new PhoneNumbers("FR").toE164(raw));
  }
}
