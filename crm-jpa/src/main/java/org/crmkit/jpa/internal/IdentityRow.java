package org.crmkit.jpa.internal;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An external identity of a customer row: a row of {@code crm_customer_identity}. */
@Embeddable
public class IdentityRow {
    @Column(name = "system", nullable = false)
    String system;

    @Column(name = "identity", nullable = false)
    String identity;

    protected IdentityRow() {
    }

    IdentityRow(String system, String identity) {
        this.system = system;
        this.identity = identity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityRow r && r.system.equals(system) && r.identity.equals(identity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(system, identity);
    }
}
