-- GMS 8.5 Callback API services (/genesys/1/service/callback/{name}): a service of flow 'callback'
-- chooses one of the other flows per request (_call_direction, _wait_for_agent, _wait_for_user_confirm).

ALTER TABLE service DROP CONSTRAINT service_flow_check;
ALTER TABLE service ADD CONSTRAINT service_flow_check CHECK (flow IN (
    'request-interaction', 'request-inbound-immediate', 'request-inbound-delay',
    'request-inbound-delay-location', 'request-inbound-poll', 'request-outbound-immediate',
    'request-outbound-delay', 'request-outbound-poll', 'request-access', 'match-interaction', 'callback'));

-- The name Genesys's web widgets and mobile samples point at: the contact center calls back, now or at
-- the desired time, open around the clock with the default capacity.
INSERT INTO service (name, flow, options, built_in) VALUES
    ('samples', 'callback', '{"_call_direction":"USERTERMINATED","_queue":"default","_resource_group":"DNIS"}', true)
ON CONFLICT (name) DO NOTHING;

-- When the customer wants the call (kept after the callback is due: capacity and records read it), and
-- who asked, for the per-requester throttle.
ALTER TABLE service_instance ADD COLUMN desired_time timestamptz;
ALTER TABLE service_instance ADD COLUMN requester varchar(256);
CREATE INDEX service_instance_desired ON service_instance (service_name, desired_time) WHERE desired_time IS NOT NULL;
CREATE INDEX service_instance_created ON service_instance (service_name, created_at);
