-- Claims are read back by their delivery ids (the primary key) and the claim token together, so no query needs
-- an index on claim_token alone. Without it, a claim and its record each change one secondary index fewer per
-- message: the ledger's largest cost per message on a busy send.
DROP INDEX ix_delivery_claim ON delivery;
