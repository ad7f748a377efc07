package io.callflow.notification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * CometD and jetty-util log through slf4j; the WAR's provider hands their messages to
 * java.util.logging, which Payara writes to the server log.
 */
class CometdLoggingTest {

  @Test
  void cometdsWarningsGoToJavaUtilLogging() {
    assertEquals(
        "org.slf4j.jul.JDK14LoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
    List<LogRecord> seen = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            seen.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger cometd = Logger.getLogger("org.cometd");
    cometd.addHandler(handler);
    try {
      LoggerFactory.getLogger("org.cometd.server.http.JSONHttpTransport")
          .warn("Could not parse JSON: {}", "[{");
    } finally {
      cometd.removeHandler(handler);
    }
    assertEquals(1, seen.size());
    assertEquals(Level.WARNING, seen.get(0).getLevel());
  }
}
