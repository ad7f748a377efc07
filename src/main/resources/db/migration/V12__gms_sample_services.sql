-- GMS's sample names for the outbound flows ("Advanced Outbound Requests"), so that apps written
-- against GMS's samples find them: each runs the flow of the built-in it stands for, with its options.
INSERT INTO service (name, flow, options, built_in) VALUES
    ('a2c-advanced-sync-enterprise-initiated',  'request-outbound-immediate', '{"_queue":"default"}', true),
    ('a2c-advanced-async-enterprise-initiated', 'request-outbound-delay',     '{"_queue":"default"}', true),
    ('a2c-advanced-poll-enterprise-initiated',  'request-outbound-poll',      '{"_queue":"default"}', true)
ON CONFLICT (name) DO NOTHING;
