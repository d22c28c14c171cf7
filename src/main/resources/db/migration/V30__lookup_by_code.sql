-- The hotline looks a management code up without knowing the campaign (lookup CODE): codes are unique per
-- campaign only, so the existing (campaign_id, management_code) constraint cannot serve that search.
CREATE INDEX ix_delivery_management_code ON delivery (management_code);
