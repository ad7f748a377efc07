-- The live bookings of one pool are wanted only by pool-wide reads (utilisation, the pool's next
-- expiry, the console's samples), which can filter the live bookings read by expiry instead. The
-- index cost every booking one more entry, and the planner took it for the hot path's lookups by
-- number and by id: a read of every live booking's entry, and of every dead entry the last vacuum
-- left, where booking_live_number and the primary key find one.
DROP INDEX booking_live_pool;
