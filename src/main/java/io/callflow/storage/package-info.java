/**
 * App data (GMS's Storage API): key/value strings kept for a time to live, under an id a client or
 * a service instance (its {@code _data_id}) refers to. Owns the {@code storage_entry} table, the
 * {@code /genesys/1/storage} endpoints, the sweep that reclaims expired entries, and {@code
 * control.AppDataStore}, which other features call to keep their app data. Uses {@code platform}
 * only.
 */
package io.callflow.storage;
