package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A customer's score of one name: a row of {@code crm_score}. Read only; written by {@link JpaScoreStore}'s SQL. */
@Entity
@Table(name = "crm_score")
@IdClass(ScoreEntity.Key.class)
public class ScoreEntity {
    @Id
    @Column(name = "tenant")
    String tenant;

    @Id
    @Column(name = "customer_id")
    String customerId;

    @Id
    @Column(name = "name")
    String name;

    @Column(name = "score", nullable = false)
    double value;

    @Column(name = "as_of_ns", nullable = false)
    long asOfNs;

    protected ScoreEntity() {
    }

    /** The key of a score row. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenant;
        String customerId;
        String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.tenant, tenant) && Objects.equals(k.customerId, customerId)
                    && Objects.equals(k.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, customerId, name);
        }
    }
}
