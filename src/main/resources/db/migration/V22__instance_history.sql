-- Each state a service instance entered, for the console's instance view: one line per state
-- ("STATE PREVIOUS AT", "-" for the state it was created in) on the instance's own row, which every
-- move updates anyway, so the history costs no statement of its own and goes with its instance.
ALTER TABLE service_instance ADD COLUMN history text;
