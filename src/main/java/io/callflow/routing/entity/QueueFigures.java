package io.callflow.routing.entity;

import java.time.Duration;

/**
 * A queue right now and how well its EWT predicted: customers waiting and held agents, agents
 * logged in / ready / idle, the handle time learnt so far, and predicted against actual waits
 * (seconds).
 */
public record QueueFigures(
    int waiting,
    int reserved,
    int engaged,
    int agentsLoggedIn,
    int agentsReady,
    int agentsIdle,
    HandleTime handleTime,
    long waitSamples,
    double meanPredictedSeconds,
    double meanActualSeconds,
    double meanAbsoluteErrorSeconds) {

  public Duration averageHandleTime() {
    return handleTime.average();
  }
}
