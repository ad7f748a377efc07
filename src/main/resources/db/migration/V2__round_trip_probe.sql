-- Probes of the database + JMS wiring (POST /admin/diagnostics/round-trips).
CREATE TABLE round_trip_probe (
    id           varchar(36) PRIMARY KEY,
    sent_at      timestamptz NOT NULL,
    completed_at timestamptz,
    version      bigint      NOT NULL DEFAULT 0
);
