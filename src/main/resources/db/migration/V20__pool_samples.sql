-- The operations console's memory of each pool: one row a pool a sampling interval (a minute in
-- production), kept two hours. Written by a scheduled sampler, never by a request: the utilisation
-- chart and the sizing advice read these rows instead of the booking table.
CREATE TABLE pool_sample (
    pool_name          varchar(64)      NOT NULL,
    sampled_at         timestamptz      NOT NULL,
    numbers            integer          NOT NULL,
    live_bookings      integer          NOT NULL,
    -- bookings made since the previous sample, and those that ended, with their summed hold time
    bookings_started   integer          NOT NULL,
    bookings_ended     integer          NOT NULL,
    held_seconds       double precision NOT NULL,
    PRIMARY KEY (pool_name, sampled_at)
);

CREATE INDEX pool_sample_age ON pool_sample (sampled_at);
