-- Outbound flows: each dial attempt with its outcome, results per attempt, and customers who called in.

-- A CallResult names the attempt it reports (0: not given), so a retry's NO_ANSWER is not taken for a
-- repeat of the first one.
ALTER TABLE call_result ADD COLUMN attempt integer NOT NULL DEFAULT 0;
ALTER TABLE call_result DROP CONSTRAINT call_result_service_id_agent_id_result_key;
ALTER TABLE call_result ADD CONSTRAINT call_result_once_per_attempt UNIQUE (service_id, agent_id, result, attempt);

CREATE TABLE dial_attempt (
    service_id varchar(64) NOT NULL,
    attempt    integer     NOT NULL,
    party      varchar(12) NOT NULL CHECK (party IN ('AGENT', 'CUSTOMER')),  -- who is called first
    agent_id   varchar(64),
    dialled_at timestamptz NOT NULL,
    result     varchar(12) CHECK (result IN ('CONNECTED', 'NO_ANSWER', 'BUSY', 'FAILED', 'COMPLETED')),
    result_at  timestamptz,
    PRIMARY KEY (service_id, attempt)
);

-- The customer of a queued instance called the main line: the call waits in the instance's place and
-- is offered to the agent reserved for it (nobody is dialled).
ALTER TABLE service_instance ADD COLUMN inbound_call boolean NOT NULL DEFAULT false;
ALTER TABLE service_instance ADD COLUMN failure_reason text;
-- at most one live outbound instance per service and customer number
CREATE INDEX service_instance_live_by_number ON service_instance (service_name, phone_number)
    WHERE state NOT IN ('COMPLETED', 'CANCELLED', 'EXPIRED', 'FAILED');
