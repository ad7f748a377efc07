-- Service instances, access-number bookings, app data (Storage API) and idempotency keys.

-- The next number a ROUND_ROBIN pool hands out comes after this one.
ALTER TABLE pool ADD COLUMN round_robin_cursor varchar(16);

-- Storage API entries; every service instance keeps its app data in one (its _data_id).
CREATE TABLE storage_entry (
    id         varchar(36)  PRIMARY KEY,
    gms_user   varchar(256),
    data       text         NOT NULL,            -- JSON object of strings
    created_at timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL
);
CREATE INDEX storage_entry_expiry ON storage_entry (expires_at);

CREATE TABLE service_instance (
    id           varchar(36)  PRIMARY KEY,        -- GMS _id
    service_name varchar(128) NOT NULL,
    flow         varchar(40)  NOT NULL,
    state        varchar(20)  NOT NULL,
    gms_user     varchar(256),
    phone_number varchar(16),                      -- E.164
    data_id      varchar(36)  NOT NULL,            -- storage_entry.id (the entry may expire first)
    options      text         NOT NULL DEFAULT '{}', -- the resolved options, JSON object of strings
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL DEFAULT 0
);
CREATE INDEX service_instance_phone ON service_instance (phone_number, created_at) WHERE phone_number IS NOT NULL;

-- A booking holds an access number (and code) for a service instance until it ends: matched,
-- cancelled or expired. "active" is flipped when it ends, so that the unique indexes below can
-- guarantee, across every server instance, one live booking per locked number and unique codes per number.
CREATE TABLE booking (
    id           varchar(36)  PRIMARY KEY,
    number       varchar(16)  NOT NULL,
    pool_name    varchar(64)  NOT NULL,
    locking      boolean      NOT NULL,
    service_id   varchar(36)  NOT NULL,
    phone_number varchar(16),
    access_code  varchar(10),
    booked_at    timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    active       boolean      NOT NULL DEFAULT true,
    ended_at     timestamptz,
    end_reason   varchar(12)  CHECK (end_reason IN ('MATCHED', 'CANCELLED', 'EXPIRED')),
    version      bigint       NOT NULL DEFAULT 0,
    CHECK (active = (ended_at IS NULL))
);
CREATE UNIQUE INDEX booking_one_live_per_locked_number ON booking (number) WHERE active AND locking;
CREATE UNIQUE INDEX booking_live_code_unique_per_number ON booking (number, access_code) WHERE active AND access_code IS NOT NULL;
CREATE INDEX booking_live_expiry ON booking (expires_at) WHERE active;
CREATE INDEX booking_live_service ON booking (service_id) WHERE active;
CREATE INDEX booking_live_pool ON booking (pool_name) WHERE active;

-- Idempotency-Key of a create, kept 24 h per gms_user ('' when none).
CREATE TABLE idempotency_key (
    gms_user     varchar(256) NOT NULL,
    key          varchar(256) NOT NULL,
    request_hash varchar(64)  NOT NULL,
    service_id   varchar(36)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (gms_user, key)
);
CREATE INDEX idempotency_key_age ON idempotency_key (created_at);
