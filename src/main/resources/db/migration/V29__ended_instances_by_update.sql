-- Ended service instances by their last change. EndedInstanceSweep deletes those ended longer ago
-- than callflow.service.ended-instances-kept-days through it, without reading the whole table. A
-- live instance is not in it; an instance enters it when it ends, the moment its row gets a new
-- version anyway (its state is in service_instance_live_by_number's predicate).
CREATE INDEX service_instance_ended ON service_instance (updated_at)
    WHERE state IN ('COMPLETED', 'CANCELLED', 'EXPIRED', 'FAILED');
