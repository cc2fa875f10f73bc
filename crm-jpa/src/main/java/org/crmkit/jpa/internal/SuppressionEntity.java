package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A contact hash on a tenant's do-not-contact list: a row of {@code crm_suppression}. Read only. */
@Entity
@Table(name = "crm_suppression")
@IdClass(SuppressionEntity.Key.class)
public class SuppressionEntity {
    @Id
    @Column(name = "tenant")
    String tenant;

    @Id
    @Column(name = "contact_hash")
    String contactHash;

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "reason", nullable = false)
    String reason;

    @Column(name = "since_ns", nullable = false)
    long sinceNs;

    protected SuppressionEntity() {
    }

    /** Tenant and hash of an entry. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenant;
        String contactHash;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.tenant, tenant) && Objects.equals(k.contactHash, contactHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, contactHash);
        }
    }
}
