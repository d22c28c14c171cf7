-- The delivery ledger: one row per (campaign, customer), the history of every attempt, and the input
-- lines that made no delivery. Times are UTC. Placeholders (LedgerFlywayConfiguration): table options
-- (utf8mb4, binary collation on MySQL) and the timestamp type (DATETIME(6) on MySQL, TIMESTAMP(6) on H2).

CREATE TABLE campaign (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    job_file        VARCHAR(1000) NOT NULL,
    job_file_sha256 CHAR(64)      NOT NULL,
    template_sha256 VARCHAR(4000) NOT NULL,
    input_file      VARCHAR(1000),
    input_sha256    CHAR(64),
    input_charset   VARCHAR(32),
    pass            INT           NOT NULL,
    created_at      ${timestamp}   NOT NULL,
    imported_at     ${timestamp},
    last_run_start  ${timestamp},
    last_run_end    ${timestamp}
)${tableOptions};

CREATE TABLE delivery (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id        VARCHAR(64)   NOT NULL,
    customer_id        VARCHAR(191)  NOT NULL,
    source_line        BIGINT        NOT NULL,
    email              VARCHAR(1000) NOT NULL,
    name               VARCHAR(1000) NOT NULL,
    cohort             VARCHAR(191)  NOT NULL,
    management_code    VARCHAR(40)   NOT NULL,
    fields             TEXT          NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    attempts           INT           NOT NULL,
    next_attempt_at    ${timestamp},
    last_reply_code    INT,
    last_enhanced_code VARCHAR(16),
    last_reply_text    VARCHAR(1000),
    message_id         VARCHAR(255),
    reason             VARCHAR(1000),
    run_id             BIGINT,
    claim_token        BIGINT,
    created_at         ${timestamp}   NOT NULL,
    claimed_at         ${timestamp},
    sent_at            ${timestamp},
    updated_at         ${timestamp}   NOT NULL,
    CONSTRAINT uq_delivery_customer UNIQUE (campaign_id, customer_id),
    CONSTRAINT uq_delivery_code UNIQUE (campaign_id, management_code)
)${tableOptions};

CREATE INDEX ix_delivery_due ON delivery (campaign_id, status, id);

CREATE INDEX ix_delivery_claim ON delivery (claim_token);

CREATE TABLE delivery_attempt (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    delivery_id   BIGINT        NOT NULL,
    attempted_at  ${timestamp}   NOT NULL,
    outcome       VARCHAR(16)   NOT NULL,
    reply_code    INT,
    enhanced_code VARCHAR(16),
    reply_text    VARCHAR(1000),
    detail        VARCHAR(1000),
    run_id        BIGINT,
    CONSTRAINT fk_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id)
)${tableOptions};

CREATE INDEX ix_attempt_delivery ON delivery_attempt (delivery_id, id);

CREATE TABLE rejected_line (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id VARCHAR(64)   NOT NULL,
    line_no     BIGINT        NOT NULL,
    customer_id VARCHAR(191),
    reason      VARCHAR(1000) NOT NULL,
    CONSTRAINT uq_rejected_line UNIQUE (campaign_id, line_no)
)${tableOptions};
