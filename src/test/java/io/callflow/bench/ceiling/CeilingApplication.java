package io.callflow.bench.ceiling;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The ceiling WAR's JAX-RS application, at its context root ({@code /bench}). */
@ApplicationPath("/")
public class CeilingApplication extends Application {}
