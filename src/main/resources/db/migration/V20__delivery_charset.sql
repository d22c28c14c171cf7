-- The charset each delivery's message went out in: the job's charset, or UTF-8 when ISO-2022-JP could not carry
-- that customer's notice (a name with 髙 or 𠮷, for instance). NULL until a message was built for the delivery.
ALTER TABLE delivery ADD mail_charset VARCHAR(16);
