/**
 * The agent-desktop contract over JMS and the agents it reports: desktops log in, change state and
 * report call results on {@code callflow.desktop.in} (parsed strictly; what cannot be understood is
 * dead-lettered on {@code callflow.desktop.dead} with the reason); the server tells a desktop that
 * it is reserved, offered a call, or revoked on {@code callflow.desktop.out} through {@code
 * DesktopCommands}. Agent state changes and call results are fired as CDI events for the routing
 * and flows to observe, and state changes are published on {@code callflow.events}. Uses {@code
 * platform} only.
 */
package io.callflow.desktop;
