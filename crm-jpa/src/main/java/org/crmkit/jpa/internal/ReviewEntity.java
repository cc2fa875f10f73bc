package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A customer's scheduled review: a row of {@code crm_review}. Read only; written by {@link JpaMembershipStore}. */
@Entity
@Table(name = "crm_review")
@IdClass(ReviewEntity.Key.class)
public class ReviewEntity {
    @Id
    @Column(name = "tenant")
    String tenant;

    @Id
    @Column(name = "customer_id")
    String customerId;

    @Column(name = "at_ns", nullable = false)
    long atNs;

    protected ReviewEntity() {
    }

    /** The key of a review row. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenant;
        String customerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.tenant, tenant) && Objects.equals(k.customerId, customerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, customerId);
        }
    }
}
