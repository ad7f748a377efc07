package io.callflow.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * All resources hang off the context root, so paths are exactly GMS's ({@code /genesys/1/...}) and
 * ours ({@code /admin/...}).
 */
@ApplicationPath("/")
public class CallflowApplication extends Application {}
