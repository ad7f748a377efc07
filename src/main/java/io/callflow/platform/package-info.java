/**
 * What every feature shares and no feature owns: configuration keys ({@code config}), the data
 * source, schema migration and demo seed ({@code persistence}), the JMS connection factory and
 * destination names ({@code messaging}), readiness checks ({@code health}), the shared domain words
 * and refusals ({@code domain}), the JAX-RS application and problem+json errors ({@code rest}),
 * authentication ({@code security}) and the clock ({@code time}). It calls no feature.
 */
package io.callflow.platform;
