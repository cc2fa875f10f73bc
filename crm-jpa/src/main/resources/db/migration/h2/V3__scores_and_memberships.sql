-- crmkit schema, version 3: scores, segment memberships and scheduled reviews.

CREATE TABLE crm_score (
    tenant        VARCHAR(64)   NOT NULL,
    customer_id   VARCHAR(64)   NOT NULL,
    name          VARCHAR(64)   NOT NULL,
    score         DOUBLE PRECISION NOT NULL,
    as_of_ns      BIGINT        NOT NULL,
    PRIMARY KEY (tenant, customer_id, name)
);

CREATE TABLE crm_membership (
    tenant        VARCHAR(64)   NOT NULL,
    segment       VARCHAR(64)   NOT NULL,
    customer_id   VARCHAR(64)   NOT NULL,
    since_ns      BIGINT        NOT NULL,
    PRIMARY KEY (tenant, segment, customer_id)
);
-- segmentsOf and remove: a customer's memberships.
CREATE INDEX crm_membership_customer ON crm_membership (tenant, customer_id);

CREATE TABLE crm_review (
    tenant        VARCHAR(64)   NOT NULL,
    customer_id   VARCHAR(64)   NOT NULL,
    at_ns         BIGINT        NOT NULL,
    PRIMARY KEY (tenant, customer_id)
);
-- dueForReview: the earliest reviews first.
CREATE INDEX crm_review_due ON crm_review (tenant, at_ns, customer_id);
