-- Customers already notified in earlier campaigns (job file previousCampaigns): the campaign records the list it
-- was imported with, an input line left out because of one of them names it, and the import looks addresses up
-- in those campaigns (the prefix is longer than any valid address: 254 octets).
ALTER TABLE campaign ADD previous_campaigns VARCHAR(4000);
ALTER TABLE rejected_line ADD earlier_campaign VARCHAR(64);
CREATE INDEX ix_delivery_email ON delivery (campaign_id, ${emailKey});
