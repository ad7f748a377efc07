-- Agents as their desktops report them over JMS (callflow.desktop.in), and the call results they send.

CREATE TABLE agent (
    agent_id    varchar(64) PRIMARY KEY,
    extension   varchar(64),
    state       varchar(12) NOT NULL CHECK (state IN ('READY', 'NOT_READY', 'WRAP_UP', 'LOGOUT')),
    queues      text        NOT NULL,  -- JSON array of queue names
    state_since timestamptz NOT NULL,
    logged_in   boolean     NOT NULL,
    version     bigint      NOT NULL DEFAULT 0
);
CREATE INDEX agent_ready ON agent (state) WHERE logged_in;

CREATE TABLE call_result (
    id          varchar(36) PRIMARY KEY,
    service_id  varchar(64) NOT NULL,
    agent_id    varchar(64) NOT NULL,
    result      varchar(12) NOT NULL CHECK (result IN ('CONNECTED', 'NO_ANSWER', 'BUSY', 'FAILED', 'COMPLETED')),
    reported_at timestamptz NOT NULL,
    -- a redelivered or repeated report is recorded once
    UNIQUE (service_id, agent_id, result)
);
