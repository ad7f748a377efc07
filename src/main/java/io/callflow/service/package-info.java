/**
 * Configured services (GMS's {@code service.<name>} sections): the name an app posts to, the flow it
 * runs and its options; the built-in ones ship as a migration. The admin API lists and configures them.
 * Uses {@code access}'s control (a {@code _resource_group} must name a pool) and {@code platform}.
 */
package io.callflow.service;
