package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.launcher.CallflowStack;
import io.callflow.launcher.Folders;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every transaction has the database as its only resource, so a PostgreSQL that allows no prepared
 * transactions (the server's default) serves every request.
 */
class NoPreparedTransactionsIT {

  @Test
  void serverRunsOnADatabaseWithoutPreparedTransactions() throws Exception {
    Path dataDir = Files.createTempDirectory("callflow-no-xa-");
    try (CallflowStack stack = CallflowStack.start(TestServer.layout(dataDir, 0))) {
      GmsClient gms = new GmsClient(stack.baseUrl());
      Reply issued = gms.post("/genesys/1/service/request-interaction");
      assertEquals(200, issued.status(), issued::toString);
      Reply matched =
          gms.postForm(
              "/genesys/1/service/match-interaction",
              java.util.Map.of(
                  "_access_number", issued.json().getString("_access_number"),
                  "_access_code", issued.json().getString("_access_code")));
      assertEquals(200, matched.status(), matched::toString);
      assertEquals(issued.json().getString("_id"), matched.json().getString("_id"));
    } finally {
      Folders.deleteTree(dataDir);
    }
  }
}
