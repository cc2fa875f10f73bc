-- crmkit schema, version 4: the outbox of domain events, and the relay lease. seq comes from a sequence taken one
-- value at a time, so that the events one engine appends while holding a customer's lock are numbered in that
-- order whatever engine appends them; readers never skip a number they did not see (a number can become visible
-- after a higher one).

CREATE SEQUENCE crm_outbox_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE crm_outbox (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    tenant        VARCHAR(64)   NOT NULL,
    ordering_key  VARCHAR(256)  NOT NULL,
    event_at_ns   BIGINT        NOT NULL,
    attempts      INT           NOT NULL,
    retry_at_ns   BIGINT,
    payload       TEXT          NOT NULL
);
-- discard: the messages about one person.
CREATE INDEX crm_outbox_ordering_key ON crm_outbox (ordering_key);

CREATE TABLE crm_outbox_lease (
    id            INT           NOT NULL PRIMARY KEY,
    owner         VARCHAR(128),
    until_ns      BIGINT        NOT NULL
);
INSERT INTO crm_outbox_lease (id, owner, until_ns) VALUES (1, NULL, 0);
