package io.callflow.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GmsUserSessionsTest {

  private final GmsUserSessions sessions = new GmsUserSessions();

  @Test
  void aUserMayHoldSeveralSessions() {
    sessions.add("alice", "s1");
    sessions.add("alice", "s2");
    sessions.add("bob", "s3");

    assertEquals(Set.of("s1", "s2"), sessions.of("alice"));
    assertEquals(Set.of("s3"), sessions.of("bob"));
  }

  @Test
  void removedSessionIsNoLongerTheUsers() {
    sessions.add("alice", "s1");
    sessions.add("alice", "s2");

    sessions.remove("s1");

    assertEquals(Set.of("s2"), sessions.of("alice"));
  }

  @Test
  void userWithoutSessionsHasNone() {
    sessions.add("alice", "s1");
    sessions.remove("s1");
    sessions.remove("never-added");

    assertEquals(Set.of(), sessions.of("alice"));
    assertEquals(Set.of(), sessions.of("nobody"));
  }

  @Test
  void sessionBelongsToTheLastUserItWasAddedFor() {
    sessions.add("alice", "s1");
    sessions.add("bob", "s1");

    assertEquals(Set.of(), sessions.of("alice"));
    assertEquals(Set.of("s1"), sessions.of("bob"));
  }

  @Test
  void answerIsASnapshot() {
    sessions.add("alice", "s1");
    Set<String> before = sessions.of("alice");
    sessions.add("alice", "s2");

    assertEquals(Set.of("s1"), before);
  }
}
