/**
 * The customer demo page ({@code /demo/}): a newcomer picks a service, enters a phone number and
 * app data, and watches the instance through its states as a mobile app would, then places the call
 * as an IVR would. The page's script speaks only the public Service API and the instance's
 * server-sent event stream, so it shows nothing an app could not see. Owns no table; uses {@code
 * platform} only, and is switched off in production ({@code callflow.demo.enabled}).
 */
package io.callflow.demo;
