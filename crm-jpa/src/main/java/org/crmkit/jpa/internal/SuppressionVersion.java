package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many times a tenant's do-not-contact list changed: a row of {@code crm_suppression_version}. */
@Entity
@Table(name = "crm_suppression_version")
public class SuppressionVersion {
    @Id
    @Column(name = "tenant")
    String tenant;

    @Column(name = "version", nullable = false)
    long version;

    protected SuppressionVersion() {
    }
}
