-- PostgreSQL reads a table's CHECK constraints anew for every INSERT and UPDATE (each one parsed and
-- planned once per statement), whichever columns change. An access number is updated twice per call
-- (taken, freed) and its number never changes: the number's format moves to a domain, checked only
-- when a number is written.
CREATE DOMAIN e164_number AS varchar(16) CHECK (VALUE ~ '^\+[1-9][0-9]{6,14}$');
ALTER TABLE access_number DROP CONSTRAINT access_number_number_check;
ALTER TABLE access_number ALTER COLUMN number TYPE e164_number;
