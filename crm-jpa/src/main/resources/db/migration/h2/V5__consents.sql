-- crmkit schema, version 5: the consent ledger and the do-not-contact list. Ledger entries are kept exactly: the
-- event's fields as columns (those of other kinds of event null), digests and salt in hexadecimal. A tenant's
-- appends are serialised by its row of crm_consent_head, held until the appending transaction ends.

CREATE TABLE crm_consent_entry (
    tenant            VARCHAR(64)   NOT NULL,
    seq               BIGINT        NOT NULL,
    customer_id       VARCHAR(64)   NOT NULL,
    recorded_ns       BIGINT        NOT NULL,
    event_kind        VARCHAR(24)   NOT NULL,
    channel           VARCHAR(24)   NOT NULL,
    purpose           VARCHAR(64)   NOT NULL,
    kind              VARCHAR(8),
    email             VARCHAR(254),
    phone             VARCHAR(40),
    address_lines     VARCHAR(1000),
    postal_code       VARCHAR(16),
    locality          VARCHAR(200),
    region            VARCHAR(100),
    country           VARCHAR(2),
    network           VARCHAR(32),
    handle            VARCHAR(200),
    platform          VARCHAR(32),
    token             VARCHAR(4096),
    capture           VARCHAR(32),
    valid_until_ns    BIGINT,
    confirm_by_ns     BIGINT,
    source_kind       VARCHAR(32)   NOT NULL,
    source_reference  VARCHAR(128)  NOT NULL,
    captured_ns       BIGINT        NOT NULL,
    wording_version   VARCHAR(64),
    wording_text      VARCHAR(4000),
    proof_ip          VARCHAR(45),
    proof_user_agent  VARCHAR(512),
    personal_digest   VARCHAR(64)      NOT NULL,
    salt              VARCHAR(32),
    previous_hash     VARCHAR(64)      NOT NULL,
    hash              VARCHAR(64)      NOT NULL,
    PRIMARY KEY (tenant, seq)
);
-- findByCustomer and erasure: a customer's entries in order.
CREATE INDEX crm_consent_entry_customer ON crm_consent_entry (tenant, customer_id, seq);

CREATE TABLE crm_consent_head (
    tenant            VARCHAR(64)   NOT NULL PRIMARY KEY,
    last_seq          BIGINT        NOT NULL
);

CREATE TABLE crm_suppression (
    tenant            VARCHAR(64)   NOT NULL,
    contact_hash      VARCHAR(64)      NOT NULL,
    kind              VARCHAR(8)    NOT NULL,
    reason            VARCHAR(24)   NOT NULL,
    since_ns          BIGINT        NOT NULL,
    PRIMARY KEY (tenant, contact_hash)
);

CREATE TABLE crm_suppression_version (
    tenant            VARCHAR(64)   NOT NULL PRIMARY KEY,
    version           BIGINT        NOT NULL
);
