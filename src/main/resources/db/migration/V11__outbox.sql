-- The transactional outbox: what a transaction causes on the broker is written here in that
-- transaction and sent by the relay after commit. message_id travels as Artemis's duplicate-detection
-- id, so a relay that dies between sending and deleting never delivers a message twice.
CREATE TABLE outbox_message (
    id          bigserial    PRIMARY KEY,
    message_id  varchar(36)  NOT NULL,
    destination varchar(128) NOT NULL,
    topic       boolean      NOT NULL,
    type        varchar(64)  NOT NULL,
    body        text         NOT NULL,
    properties  text,
    group_id    varchar(128),
    deliver_at  timestamptz,
    created_at  timestamptz  NOT NULL DEFAULT clock_timestamp()
);

-- Messages a consumer has acted on, recorded in the transaction of the change they caused, so a
-- redelivered message changes nothing twice. Purged after a day.
CREATE TABLE processed_message (
    message_id   varchar(128) PRIMARY KEY,
    processed_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX processed_message_age ON processed_message (processed_at);
