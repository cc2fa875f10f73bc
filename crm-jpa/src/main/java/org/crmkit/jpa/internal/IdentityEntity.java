package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An identity held by a live customer: a row of {@code crm_identity}, whose key makes identities unique. */
@Entity
@Table(name = "crm_identity")
public class IdentityEntity {
    @EmbeddedId
    Key key;

    @Column(name = "customer_id", nullable = false)
    String customerId;

    protected IdentityEntity() {
    }

    IdentityEntity(String tenant, String system, String identity, String customerId) {
        this.key = new Key(tenant, system, identity);
        this.customerId = customerId;
    }

    /** Tenant, system and value of the identity. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "tenant")
        String tenant;

        @Column(name = "system")
        String system;

        @Column(name = "identity")
        String identity;

        protected Key() {
        }

        Key(String tenant, String system, String identity) {
            this.tenant = tenant;
            this.system = system;
            this.identity = identity;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenant.equals(tenant) && k.system.equals(system)
                    && k.identity.equals(identity);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, system, identity);
        }
    }
}
