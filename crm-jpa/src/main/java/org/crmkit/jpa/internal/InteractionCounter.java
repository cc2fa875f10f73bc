package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's next interaction seq: a row of {@code crm_interaction_counter}, locked while seqs are given. */
@Entity
@Table(name = "crm_interaction_counter")
public class InteractionCounter {
    @Id
    @Column(name = "tenant")
    String tenant;

    @Column(name = "next_seq", nullable = false)
    long nextSeq;

    protected InteractionCounter() {
    }

    InteractionCounter(String tenant) {
        this.tenant = tenant;
        this.nextSeq = 1;
    }
}
