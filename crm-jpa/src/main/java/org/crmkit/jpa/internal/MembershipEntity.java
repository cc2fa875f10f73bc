package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A customer's membership of a tracked segment: a row of {@code crm_membership}. Read only; written by
 * {@link JpaMembershipStore}'s SQL.
 */
@Entity
@Table(name = "crm_membership")
@IdClass(MembershipEntity.Key.class)
public class MembershipEntity {
    @Id
    @Column(name = "tenant")
    String tenant;

    @Id
    @Column(name = "segment")
    String segment;

    @Id
    @Column(name = "customer_id")
    String customerId;

    @Column(name = "since_ns", nullable = false)
    long sinceNs;

    protected MembershipEntity() {
    }

    /** The key of a membership row. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenant;
        String segment;
        String customerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.tenant, tenant) && Objects.equals(k.segment, segment)
                    && Objects.equals(k.customerId, customerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, segment, customerId);
        }
    }
}
