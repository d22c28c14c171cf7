-- Bounces (the bounces command): a SENT delivery whose message the relay accepted and a later delivery status
-- notification (RFC 3464) reported as failed. The status stays SENT; bounced_at marks it as not reached, with
-- the DSN's status code (5.1.1) and diagnostic text (addresses masked). Each bounce is also a BOUNCED row in
-- delivery_attempt.
ALTER TABLE delivery ADD bounced_at ${timestamp};
ALTER TABLE delivery ADD bounce_status VARCHAR(16);
ALTER TABLE delivery ADD bounce_text VARCHAR(1000);

-- A DSN names the original message by its Message-ID (stable per delivery, on the sender's domain).
CREATE INDEX ix_delivery_message_id ON delivery (message_id);

-- The bounced deliveries of a campaign, for unreached, status and the reports.
CREATE INDEX ix_delivery_bounced ON delivery (campaign_id, bounced_at);
