-- When a locking pool's number was last freed: the end of the booking that held it, rounded up to
-- the millisecond. Allocation takes a free number and books it in one statement, reading the clock
-- before that statement sees the number free; the booking starts no earlier than this, so a number's
-- bookings never overlap in time. Null for a number never freed since it was added.
ALTER TABLE access_number ADD COLUMN freed_at timestamptz;
