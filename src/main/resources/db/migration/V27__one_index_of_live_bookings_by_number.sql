-- Three indexes of the live bookings led with the number: one live booking per number of a locking
-- pool, unique codes per number, and the lookups by number (a call's match, a booking's end). Every
-- booking paid an entry in each, and every statement writing a booking an evaluation of each one's
-- predicate. One index keeps both rules and serves the lookups: a locking booking's key is its number
-- alone (its code counts as ''), so a number holds one of them; a shared booking's key is its number
-- and code, unique where a code is given (NULL codes are distinct, so bookings without one may share a
-- number, as before).
CREATE UNIQUE INDEX booking_live_number_key ON booking
    (number, (CASE WHEN locking THEN '' ELSE access_code END)) WHERE active AND number IS NOT NULL;
DROP INDEX booking_one_live_per_locked_number;
DROP INDEX booking_live_code_unique_per_number;
DROP INDEX booking_live_number;
ALTER INDEX booking_live_number_key RENAME TO booking_live_number;
