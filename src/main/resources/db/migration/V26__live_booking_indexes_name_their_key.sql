-- A prepared statement ends up on a generic plan, made without its parameters' values. When few
-- bookings are live (a new or quiet database), the planner costs a scan of a whole partial index
-- whose predicate the statement's WHERE implies below a lookup in the primary key: with three
-- indexes on "active", the match's read by number, a booking's end by id and its check for another
-- live booking on the number each read the expiry index from end to end, a cost that grew with the
-- live bookings of every pool. Each live-bookings index now also names its key in its predicate
-- (the columns are NOT NULL, so the entries are the same): only a statement that constrains the key
-- implies it, so a lookup by id reaches the primary key and each other lookup its own index.
DROP INDEX booking_live_number;
CREATE INDEX booking_live_number ON booking (number) WHERE active AND number IS NOT NULL;
DROP INDEX booking_live_service;
CREATE INDEX booking_live_service ON booking (service_id) WHERE active AND service_id IS NOT NULL;
DROP INDEX booking_live_expiry;
CREATE INDEX booking_live_expiry ON booking (expires_at) WHERE active AND expires_at IS NOT NULL;
