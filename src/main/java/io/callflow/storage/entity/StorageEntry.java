package io.callflow.storage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * App data kept under an id until it expires. An entry never changes once written (it is stored or
 * deleted as a whole), so it needs no version. When stored with a {@code gms_user}, only that user
 * may see it.
 */
@Entity
@Table(name = "storage_entry")
public class StorageEntry {

  /** The longest {@code gms_user} the table keeps. */
  public static final int MAX_GMS_USER_LENGTH = 256;

  @Id private String id;

  @Column(name = "gms_user")
  private String gmsUser;

  @Column(name = "data", nullable = false)
  private String data;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected StorageEntry() {}

  /** {@code gmsUser} may be null: the entry then belongs to nobody in particular. */
  public StorageEntry(String id, AppData data, StorageTtl ttl, String gmsUser, Instant createdAt) {
    if (gmsUser != null && gmsUser.length() > MAX_GMS_USER_LENGTH) {
      throw new IllegalArgumentException(
          "gms_user longer than " + MAX_GMS_USER_LENGTH + " characters");
    }
    this.id = Objects.requireNonNull(id, "id");
    this.data = data.toJson();
    this.gmsUser = gmsUser;
    this.createdAt = createdAt;
    this.expiresAt = createdAt.plus(ttl.duration());
  }

  /** Expired from its expiry instant on: reads hide it, the sweep deletes it. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * Whether a request with this {@code gms_user} (null when the request had none) may see the
   * entry: an entry stored without one is anybody's, one stored with one is its user's only.
   */
  public boolean isVisibleTo(String requestGmsUser) {
    return gmsUser == null || gmsUser.equals(requestGmsUser);
  }

  /** The stored key/values, unmodifiable, in the order they were stored. */
  public Map<String, String> data() {
    return AppData.fromJson(data).values();
  }

  public Optional<String> value(String key) {
    return Optional.ofNullable(data().get(key));
  }

  public String id() {
    return id;
  }

  public Optional<String> gmsUser() {
    return Optional.ofNullable(gmsUser);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
