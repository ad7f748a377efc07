-- A push given up keeps what it carried (its instance and message), so that an operator can send it
-- again from the console once the subscriber is fixed. Rows written before this migration have
-- neither and cannot be sent again. Delivered pushes leave both empty.
ALTER TABLE notification_delivery ADD COLUMN service_id varchar(36);
ALTER TABLE notification_delivery ADD COLUMN message text;
CREATE INDEX notification_delivery_dead ON notification_delivery (at) WHERE state = 'DEAD';
