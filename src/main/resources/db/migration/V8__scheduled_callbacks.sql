-- A callback scheduled for later (_desired_time, or the customer's next calling hours) is SCHEDULED
-- until then; its queue entry is not dispatched before that time either.
ALTER TABLE service_instance ADD COLUMN scheduled_for timestamptz;
CREATE INDEX service_instance_scheduled ON service_instance (scheduled_for) WHERE scheduled_for IS NOT NULL;
