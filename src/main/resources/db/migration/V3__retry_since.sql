-- A delivery's retry lifetime counts from retry_since: the import, or the operator's last resend.
ALTER TABLE delivery ADD retry_since ${timestamp};
UPDATE delivery SET retry_since = created_at;
