-- Customers waiting in virtual queues, the agents reserved for them, and how long they really waited.

-- One row per queued instance, from queueing until its call ends. FIFO order is queued_since, kept
-- when a reservation lapses so the customer returns to their old position. agent_id is the reserved
-- (then engaged) agent: unique, so no agent is ever held for two customers; the primary key holds one
-- agent per customer.
CREATE TABLE queue_entry (
    service_id              varchar(64) PRIMARY KEY,
    queue_name              varchar(64) NOT NULL,
    queued_since            timestamptz NOT NULL,
    eligible_at             timestamptz NOT NULL,  -- not dispatched before (snooze, retry)
    expires_at              timestamptz NOT NULL,  -- _queued_ttl: given up on while still waiting
    reserve_timeout_seconds integer     NOT NULL,
    agent_id                varchar(64),
    reserved_until          timestamptz,           -- the reservation lapses then unless the call came
    engaged_at              timestamptz,           -- the call was matched: the agent is on it
    version                 bigint      NOT NULL DEFAULT 0,
    CHECK (engaged_at IS NULL OR agent_id IS NOT NULL),
    CHECK (reserved_until IS NULL OR agent_id IS NOT NULL)
);
CREATE UNIQUE INDEX queue_entry_one_customer_per_agent ON queue_entry (agent_id) WHERE agent_id IS NOT NULL;
CREATE INDEX queue_entry_waiting ON queue_entry (queue_name, queued_since, service_id) WHERE agent_id IS NULL;
CREATE INDEX queue_entry_reserved_until ON queue_entry (reserved_until) WHERE reserved_until IS NOT NULL;
CREATE INDEX queue_entry_expiry ON queue_entry (expires_at) WHERE agent_id IS NULL;

-- Predicted wait at queueing against the wait until the first agent was reserved: the EWT's error.
CREATE TABLE queue_wait (
    service_id        varchar(64) PRIMARY KEY,
    queue_name        varchar(64) NOT NULL,
    predicted_seconds bigint      NOT NULL,
    actual_seconds    bigint,
    queued_at         timestamptz NOT NULL,
    dispatched_at     timestamptz
);
CREATE INDEX queue_wait_queue ON queue_wait (queue_name, dispatched_at);

-- The moving average of handle time each queue's calls took, as desktops report them.
ALTER TABLE virtual_queue ADD COLUMN handle_time_ms bigint;
ALTER TABLE virtual_queue ADD COLUMN handle_time_samples bigint NOT NULL DEFAULT 0;

-- A queued instance's reserved agent and its confirmation timer.
ALTER TABLE service_instance ADD COLUMN agent_id varchar(64);
ALTER TABLE service_instance ADD COLUMN confirm_due_at timestamptz;
ALTER TABLE service_instance ADD COLUMN confirm_attempts integer NOT NULL DEFAULT 0;
CREATE INDEX service_instance_confirm_due ON service_instance (confirm_due_at) WHERE confirm_due_at IS NOT NULL;
