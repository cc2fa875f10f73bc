package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The head of a tenant's consent ledger: a row of {@code crm_consent_head} with the last sequence, locked by every
 * append until its transaction ends, so that appends follow each other.
 */
@Entity
@Table(name = "crm_consent_head")
public class ConsentHead {
    @Id
    @Column(name = "tenant")
    String tenant;

    @Column(name = "last_seq", nullable = false)
    long lastSeq;

    protected ConsentHead() {
    }
}
