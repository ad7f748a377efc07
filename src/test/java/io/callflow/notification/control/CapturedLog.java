package io.callflow.notification.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What a class logs while a piece of code runs. */
final class CapturedLog {

  private CapturedLog() {}

  static List<LogRecord> of(Class<?> source, Runnable code) {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(source.getName());
    logger.addHandler(capture);
    try {
      code.run();
    } finally {
      logger.removeHandler(capture);
    }
    return List.copyOf(records);
  }
}
