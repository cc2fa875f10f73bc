package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A pending domain event: a row of {@code crm_outbox}, the event encoded by the host's
 * {@link org.crmkit.spi.event.EventCodec}. Its sequence is taken one value at a time, in the order of the appends.
 */
@Entity
@Table(name = "crm_outbox")
public class OutboxEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_outbox")
    @SequenceGenerator(name = "crm_outbox", sequenceName = "crm_outbox_seq", allocationSize = 1)
    @Column(name = "seq")
    Long seq;

    @Column(name = "tenant", nullable = false, updatable = false)
    String tenant;

    @Column(name = "ordering_key", nullable = false, updatable = false)
    String orderingKey;

    @Column(name = "event_at_ns", nullable = false, updatable = false)
    long eventAtNs;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "retry_at_ns")
    Long retryAtNs;

    @Column(name = "payload", nullable = false, updatable = false)
    String payload;

    protected OutboxEntity() {
    }

    OutboxEntity(String tenant, String orderingKey, long eventAtNs, String payload) {
        this.tenant = tenant;
        this.orderingKey = orderingKey;
        this.eventAtNs = eventAtNs;
        this.payload = payload;
    }
}
