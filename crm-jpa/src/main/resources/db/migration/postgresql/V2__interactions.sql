-- crmkit schema, version 2: interactions. seq is the append order, given at commit under the tenant's row of
-- crm_interaction_counter, so that it is the commit order too: a scan after a seq never misses a row committed
-- later with a smaller one. A row has no seq only inside the transaction that appends it.

CREATE SEQUENCE crm_interaction_row_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE crm_interaction (
    row_id         BIGINT        NOT NULL PRIMARY KEY,
    tenant         VARCHAR(64)   NOT NULL,
    interaction_id VARCHAR(64)   COLLATE "C" NOT NULL,
    seq            BIGINT,
    subject_kind   VARCHAR(1)       NOT NULL,
    subject_id     VARCHAR(128)  NOT NULL,
    channel        VARCHAR(16)   NOT NULL,
    direction      VARCHAR(8)    NOT NULL,
    type           VARCHAR(64)   NOT NULL,
    occurred_ns    BIGINT        NOT NULL,
    recorded_ns    BIGINT        NOT NULL,
    amount         VARCHAR(64),
    amount_number  NUMERIC(200, 70),
    currency       VARCHAR(3),
    source         VARCHAR(32)   NOT NULL,
    external_id    VARCHAR(128)  NOT NULL,
    campaign       VARCHAR(64),
    CONSTRAINT crm_interaction_id UNIQUE (tenant, interaction_id),
    CONSTRAINT crm_interaction_key UNIQUE (tenant, source, external_id),
    CONSTRAINT crm_interaction_seq UNIQUE (tenant, seq)
);
-- A subject's interactions in time order (InteractionStore.find, and reassign).
CREATE INDEX crm_interaction_subject ON crm_interaction (tenant, subject_kind, subject_id, occurred_ns, interaction_id);

CREATE TABLE crm_interaction_property (
    row_id        BIGINT        NOT NULL REFERENCES crm_interaction (row_id) ON DELETE CASCADE,
    name          VARCHAR(64)   NOT NULL,
    value_type    VARCHAR(8)    NOT NULL,
    text_value    VARCHAR(4000) NOT NULL,
    number_value  NUMERIC(200, 70),
    epoch_day     BIGINT,
    month_day     INT,
    currency      VARCHAR(3),
    PRIMARY KEY (row_id, name)
);

CREATE TABLE crm_interaction_counter (
    tenant        VARCHAR(64)   NOT NULL PRIMARY KEY,
    next_seq      BIGINT        NOT NULL
);
