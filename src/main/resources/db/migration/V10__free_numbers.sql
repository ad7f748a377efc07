-- Allocation finds a free number through an index instead of reading every number of the pool.
-- free: the number has no live booking that locks it (kept right by allocation and every end of a
-- booking, in the same transaction). shuffle_key: a random position, drawn again each time the
-- number is freed or handed out of a shared pool; RANDOM pools take the first free number at or after
-- a random point, so the next number cannot be predicted and none is favoured for long.
ALTER TABLE access_number ADD COLUMN free boolean NOT NULL DEFAULT true;
ALTER TABLE access_number ADD COLUMN shuffle_key double precision NOT NULL DEFAULT random();

UPDATE access_number n SET free = false
 WHERE EXISTS (SELECT 1 FROM booking b WHERE b.number = n.number AND b.active);
UPDATE access_number SET shuffle_key = random();

CREATE INDEX access_number_free_random ON access_number (pool_name, shuffle_key) WHERE free;
CREATE INDEX access_number_free_in_order ON access_number (pool_name, number) WHERE free;
CREATE INDEX access_number_random ON access_number (pool_name, shuffle_key);
-- the pool's own (pool_name) index is covered by the last one
DROP INDEX access_number_pool;

-- a call's match and a booking's end look up the live bookings of one number
CREATE INDEX booking_live_number ON booking (number) WHERE active;
