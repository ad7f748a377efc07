/**
 * A reference agent desktop: how a desktop talks to Callflow over JMS, using nothing but the JMS
 * API and the broker's client factory. The integration tests use {@link
 * io.callflow.desktop.reference.DesktopClient} as their desktop simulator; {@link
 * io.callflow.desktop.reference.DesktopClientMain} runs one from the command line.
 */
package io.callflow.desktop.reference;
