/**
 * The domain words every feature shares: what a pool, a queue or a service may be called ({@link
 * io.callflow.platform.domain.Names}) and the refusals control throws when a request cannot be done
 * ({@link io.callflow.platform.domain.Refusal}, {@link
 * io.callflow.platform.domain.ParameterInvalid}). It knows nothing of HTTP: the boundary's
 * exception mappers turn refusals into problem answers.
 */
package io.callflow.platform.domain;
