package io.callflow.notification.control;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which Bayeux sessions (by id) belong to which {@code gms_user}. A user may hold several sessions
 * at once (two devices, or a reconnect before the old session expires), and every one of them gets
 * the user's pushes.
 */
final class GmsUserSessions {

  private final Map<String, Set<String>> sessionsByUser = new HashMap<>();
  private final Map<String, String> userBySession = new HashMap<>();

  synchronized void add(String gmsUser, String sessionId) {
    remove(sessionId); // a session belongs to one user only, the one its handshake named
    sessionsByUser.computeIfAbsent(gmsUser, user -> new HashSet<>()).add(sessionId);
    userBySession.put(sessionId, gmsUser);
  }

  synchronized void remove(String sessionId) {
    String user = userBySession.remove(sessionId);
    if (user == null) {
      return;
    }
    Set<String> sessions = sessionsByUser.get(user);
    sessions.remove(sessionId);
    if (sessions.isEmpty()) {
      sessionsByUser.remove(user); // users come and go all day; keep no empty entries behind
    }
  }

  synchronized Set<String> of(String gmsUser) {
    return Set.copyOf(sessionsByUser.getOrDefault(gmsUser, Set.of()));
  }

  synchronized void clear() {
    sessionsByUser.clear();
    userBySession.clear();
  }
}
