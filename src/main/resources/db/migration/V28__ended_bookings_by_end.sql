-- Ended bookings by the time they ended. The console's pool sampler counts those that ended in its
-- last interval, and EndedBookingSweep forgets those that ended longer ago than
-- callflow.allocation.ended-bookings-kept-days: neither reads the whole table any more, however
-- much history it holds. Live bookings are not in it, so an allocation pays nothing for it; a
-- booking's end, which writes a new row version anyway (active is in the live indexes'
-- predicates), adds one entry.
CREATE INDEX booking_ended ON booking (ended_at) WHERE NOT active;
