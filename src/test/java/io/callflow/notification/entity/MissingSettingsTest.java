package io.callflow.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissingSettingsTest {

  @Test
  void nothingMissingIsNoProblem() {
    assertEquals(Optional.empty(), new MissingSettings("FCM", List.of()).problem());
    assertEquals(
        Optional.empty(),
        new FcmSettings(URI.create("https://fcm.googleapis.com"), "p", Path.of("a.json"))
            .problem());
  }

  @Test
  void listsMissingKeysAsASentence() {
    assertEquals(
        Optional.of("FCM: callflow.fcm.project-id is not set"),
        new FcmSettings(URI.create("https://fcm.googleapis.com"), null, Path.of("a.json"))
            .problem());
    assertEquals(
        Optional.of("FCM: callflow.fcm.credentials-file and callflow.fcm.project-id are not set"),
        new FcmSettings(URI.create("https://fcm.googleapis.com"), null, null).problem());
    assertEquals(
        Optional.of(
            "APNs: callflow.apns.key-id, callflow.apns.team-id and callflow.apns.topic are not set"),
        new ApnsSettings(
                URI.create("https://api.push.apple.com"), Path.of("k.p8"), null, null, null)
            .problem());
  }
}
