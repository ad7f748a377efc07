-- Push subscriptions (Notification API, or _device_notification_id + _device_os on create) and the
-- outcome of each push to each subscription, which keeps a delivered push from being delivered again.

CREATE TABLE notification_subscription (
    id            varchar(36)  PRIMARY KEY,
    subscriber_id varchar(256) NOT NULL,
    provider_name varchar(128),
    type          varchar(16)  NOT NULL CHECK (type IN ('httpcb', 'fcm', 'gcm', 'ios', 'comet')),
    device_id     text         NOT NULL,
    filter        varchar(256) NOT NULL,               -- an instance _id, a service name, or *
    properties    text         NOT NULL DEFAULT '{}',  -- JSON object of strings
    secret        varchar(256),                        -- httpcb signing key
    created_at    timestamptz  NOT NULL,
    expires_at    timestamptz  NOT NULL
);
CREATE INDEX notification_subscription_filter ON notification_subscription (filter);
CREATE INDEX notification_subscription_expiry ON notification_subscription (expires_at);

CREATE TABLE notification_delivery (
    event_id        varchar(36)  NOT NULL,
    subscription_id varchar(36)  NOT NULL,
    state           varchar(12)  NOT NULL CHECK (state IN ('DELIVERED', 'DEAD')),
    attempts        integer      NOT NULL,
    reason          text,
    at              timestamptz  NOT NULL,
    PRIMARY KEY (event_id, subscription_id)
);
