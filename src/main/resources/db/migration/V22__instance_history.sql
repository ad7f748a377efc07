-- Each state a service instance entered, for the console's instance view: one short insert in the
-- transaction that moved it, beside the event it publishes. Ordered by seq (moves of one instance
-- are serialised by its row). The row of the state it ended in is marked final: the history is
-- kept a day after that, then swept, so the table holds the live instances and the last day's.
CREATE TABLE instance_state_change (
    instance_id    varchar(36) NOT NULL,
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    state          varchar(20) NOT NULL,
    previous_state varchar(20),                 -- null for the state it was created in
    changed_at     timestamptz NOT NULL,
    final          boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (instance_id, seq)
);

CREATE INDEX instance_state_change_ended ON instance_state_change (changed_at) WHERE final;
