/**
 * Telling apps what to do next: subscriptions (the Notification API, and devices registered on
 * create), pushes of GMS's {@code {"_id","_action"}} message as persistent JMS orders sent in the
 * caller's transaction, their delivery by a message-driven bean through a {@code PushChannel}
 * (httpcb with HMAC signatures, FCM, APNs, CometD) with back-off retries and dead letters. Uses
 * {@code platform} only.
 */
package io.callflow.notification;
