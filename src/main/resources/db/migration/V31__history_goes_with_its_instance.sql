-- What the product records about a service instance goes with it: EndedInstanceSweep deletes an
-- ended instance's call results, dial attempts and queue wait in the statement that deletes the
-- instance (each table's key starts with service_id, so each is an index probe). Until now they
-- stayed for ever; those of instances already deleted go here, once.
DELETE FROM call_result r WHERE NOT EXISTS (SELECT 1 FROM service_instance i WHERE i.id = r.service_id);
DELETE FROM dial_attempt a WHERE NOT EXISTS (SELECT 1 FROM service_instance i WHERE i.id = a.service_id);
DELETE FROM queue_wait w WHERE NOT EXISTS (SELECT 1 FROM service_instance i WHERE i.id = w.service_id);

-- Pushes' outcomes by their time. DeliverySweep deletes those older than
-- callflow.service.ended-instances-kept-days through it: a push's record stops a redelivered event
-- from being pushed twice, and a dead one can be sent again, long after any redelivery.
CREATE INDEX notification_delivery_at ON notification_delivery (at);
