-- crmkit schema, version 1: customers, their identities, contact points, attributes, tags and stage history, and
-- merge records. Instants are BIGINT nanoseconds since the epoch (exact, and compared as numbers).
-- A customer's row stays after a merge as the merge record's snapshot of it, with live NULL: an id is unique among
-- the live customers of a tenant only (NULLs are distinct in a unique constraint), so a merged id may be reused.

CREATE SEQUENCE crm_customer_row_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE crm_customer (
    row_id        BIGINT        NOT NULL PRIMARY KEY,
    tenant        VARCHAR(64)   NOT NULL,
    customer_id   VARCHAR(64)   NOT NULL,
    live          BOOLEAN,
    version       BIGINT        NOT NULL,
    party_kind    VARCHAR(12)   NOT NULL,
    given_name    VARCHAR(200),
    family_name   VARCHAR(200),
    organization  VARCHAR(64),
    job_title     VARCHAR(200),
    org_name      VARCHAR(200),
    registration  VARCHAR(64),
    owner         VARCHAR(64),
    stage         VARCHAR(16)   NOT NULL,
    created_ns    BIGINT        NOT NULL,
    updated_ns    BIGINT        NOT NULL,
    CONSTRAINT crm_customer_live_id UNIQUE (tenant, customer_id, live)
);

CREATE TABLE crm_customer_stage (
    row_id        BIGINT        NOT NULL REFERENCES crm_customer (row_id) ON DELETE CASCADE,
    position      INT           NOT NULL,
    stage         VARCHAR(16)   NOT NULL,
    at_ns         BIGINT        NOT NULL,
    PRIMARY KEY (row_id, position)
);

CREATE TABLE crm_customer_tag (
    row_id        BIGINT        NOT NULL REFERENCES crm_customer (row_id) ON DELETE CASCADE,
    tag           VARCHAR(64)   NOT NULL,
    PRIMARY KEY (row_id, tag)
);

CREATE TABLE crm_customer_contact (
    row_id        BIGINT        NOT NULL REFERENCES crm_customer (row_id) ON DELETE CASCADE,
    position      INT           NOT NULL,
    kind          VARCHAR(8)    NOT NULL,
    key_hash      VARCHAR(64)      NOT NULL,
    usage         VARCHAR(8)    NOT NULL,
    preferred     BOOLEAN       NOT NULL,
    verified      BOOLEAN       NOT NULL,
    email         VARCHAR(254),
    phone         VARCHAR(40),
    address_lines VARCHAR(1000),
    postal_code   VARCHAR(16),
    locality      VARCHAR(200),
    region        VARCHAR(100),
    country       VARCHAR(2),
    network       VARCHAR(32),
    handle        VARCHAR(200),
    platform      VARCHAR(32),
    token         VARCHAR(4096),
    PRIMARY KEY (row_id, position)
);
-- findByContactPoint: the SHA-256 of the normalised key (a device token's key is too long for an index).
CREATE INDEX crm_customer_contact_key ON crm_customer_contact (key_hash);

CREATE TABLE crm_customer_identity (
    row_id        BIGINT        NOT NULL REFERENCES crm_customer (row_id) ON DELETE CASCADE,
    system        VARCHAR(32)   NOT NULL,
    identity      VARCHAR(128)  NOT NULL,
    PRIMARY KEY (row_id, system, identity)
);

-- The identities of the live customers: unique per tenant, and findByIdentity.
CREATE TABLE crm_identity (
    tenant        VARCHAR(64)   NOT NULL,
    system        VARCHAR(32)   NOT NULL,
    identity      VARCHAR(128)  NOT NULL,
    customer_id   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (tenant, system, identity)
);
CREATE INDEX crm_identity_customer ON crm_identity (tenant, customer_id);

CREATE TABLE crm_customer_attribute (
    row_id        BIGINT        NOT NULL REFERENCES crm_customer (row_id) ON DELETE CASCADE,
    name          VARCHAR(64)   NOT NULL,
    value_type    VARCHAR(8)    NOT NULL,
    text_value    VARCHAR(4000) NOT NULL,
    number_value  NUMERIC(200, 70),
    epoch_day     BIGINT,
    month_day     INT,
    currency      VARCHAR(3),
    PRIMARY KEY (row_id, name)
);

CREATE TABLE crm_merge_record (
    tenant        VARCHAR(64)   NOT NULL,
    merged_id     VARCHAR(64)   NOT NULL,
    survivor_id   VARCHAR(64)   NOT NULL,
    at_ns         BIGINT        NOT NULL,
    snapshot_row  BIGINT        NOT NULL REFERENCES crm_customer (row_id),
    PRIMARY KEY (tenant, merged_id)
);
CREATE INDEX crm_merge_record_survivor ON crm_merge_record (tenant, survivor_id);

CREATE TABLE crm_merge_origin (
    tenant        VARCHAR(64)   NOT NULL,
    merged_id     VARCHAR(64)   NOT NULL,
    field         VARCHAR(128)  NOT NULL,
    origin_id     VARCHAR(64)   NOT NULL,
    PRIMARY KEY (tenant, merged_id, field),
    FOREIGN KEY (tenant, merged_id) REFERENCES crm_merge_record (tenant, merged_id) ON DELETE CASCADE
);

-- The locks of Storage.atomically: a fixed set of stripes, each a row taken FOR UPDATE.
CREATE TABLE crm_lock (
    stripe        INT           NOT NULL PRIMARY KEY
);
INSERT INTO crm_lock (stripe) SELECT X - 1 FROM SYSTEM_RANGE(1, 4096);
