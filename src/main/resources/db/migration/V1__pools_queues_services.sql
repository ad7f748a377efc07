-- Pools of access numbers (GMS resource groups), their numbers, virtual queues and configured services.

CREATE TABLE pool (
    name                    varchar(64)  PRIMARY KEY,
    allocation              varchar(8)   NOT NULL CHECK (allocation IN ('LOCKING', 'SHARED')),
    choice                  varchar(11)  NOT NULL DEFAULT 'RANDOM' CHECK (choice IN ('RANDOM', 'ROUND_ROBIN')),
    booking_timeout_seconds integer      NOT NULL DEFAULT 30 CHECK (booking_timeout_seconds BETWEEN 5 AND 1800),
    latitude                double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude               double precision CHECK (longitude BETWEEN -180 AND 180),
    radius_km               double precision CHECK (radius_km > 0),
    version                 bigint       NOT NULL DEFAULT 0,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    -- a location is all three or none
    CHECK ((latitude IS NULL) = (longitude IS NULL) AND (latitude IS NULL) = (radius_km IS NULL))
);

-- A number (E.164) belongs to one pool.
CREATE TABLE access_number (
    number    varchar(16) PRIMARY KEY CHECK (number ~ '^\+[1-9][0-9]{6,14}$'),
    pool_name varchar(64) NOT NULL REFERENCES pool (name) ON DELETE CASCADE,
    added_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_number_pool ON access_number (pool_name);

CREATE TABLE virtual_queue (
    name    varchar(64) PRIMARY KEY,
    options text        NOT NULL DEFAULT '{}',
    version bigint      NOT NULL DEFAULT 0
);

-- GMS's service.<name> sections: a name, the flow it runs and its options (a JSON object of strings).
CREATE TABLE service (
    name     varchar(128) PRIMARY KEY,
    flow     varchar(40)  NOT NULL CHECK (flow IN (
                 'request-interaction', 'request-inbound-immediate', 'request-inbound-delay',
                 'request-inbound-delay-location', 'request-inbound-poll', 'request-outbound-immediate',
                 'request-outbound-delay', 'request-outbound-poll', 'request-access', 'match-interaction')),
    options  text         NOT NULL DEFAULT '{}',
    built_in boolean      NOT NULL DEFAULT false,
    version  bigint       NOT NULL DEFAULT 0
);

-- The built-in services under their GMS names, so a WAR deployed anywhere has them.
INSERT INTO service (name, flow, options, built_in) VALUES
    ('request-interaction',            'request-interaction',            '{"_resource_group":"DNIS","_provide_code":"true"}', true),
    ('request-inbound-immediate',      'request-inbound-immediate',      '{"_resource_group":"DNIS"}', true),
    ('request-inbound-delay',          'request-inbound-delay',          '{"_resource_group":"DNIS","_queue":"default"}', true),
    ('request-inbound-delay-location', 'request-inbound-delay-location', '{"_resource_group":"DNIS","_queue":"default"}', true),
    ('request-inbound-poll',           'request-inbound-poll',           '{"_resource_group":"DNIS","_queue":"default"}', true),
    ('request-outbound-immediate',     'request-outbound-immediate',     '{"_queue":"default"}', true),
    ('request-outbound-delay',         'request-outbound-delay',         '{"_queue":"default"}', true),
    ('request-outbound-poll',          'request-outbound-poll',          '{"_queue":"default"}', true),
    ('request-access',                 'request-access',                 '{"_resource_group":"DNIS"}', true),
    ('match-interaction',              'match-interaction',              '{}', true);
