package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.launcher.CallflowStack;
import io.callflow.launcher.Folders;
import io.callflow.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot take part in XA transactions stops the start with a message that says why.
 */
class PreparedTransactionsIT {

  @Test
  void startupFailsFastWhenPreparedTransactionsAreDisabled() throws Exception {
    Path dataDir = Files.createTempDirectory("callflow-no-xa-");
    try {
      CallflowStack.Layout layout = TestServer.layout(dataDir, 0);
      IllegalStateException failure =
          assertThrows(IllegalStateException.class, () -> CallflowStack.start(layout).close());
      assertTrue(
          failure.getMessage().contains("max_prepared_transactions is 0"), failure::getMessage);
    } finally {
      Folders.deleteTree(dataDir);
    }
  }
}
