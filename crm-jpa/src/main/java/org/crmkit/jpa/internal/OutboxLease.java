package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The relay lease: the one row of {@code crm_outbox_lease}. Written by {@link JpaOutbox}'s conditional updates. */
@Entity
@Table(name = "crm_outbox_lease")
public class OutboxLease {
    @Id
    @Column(name = "id")
    int id;

    @Column(name = "owner")
    String owner;

    @Column(name = "until_ns", nullable = false)
    long untilNs;

    protected OutboxLease() {
    }
}
