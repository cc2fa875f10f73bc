package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/**
 * A contact point of a customer row: a row of {@code crm_customer_contact}, with the SHA-256 of its normalised key
 * for lookups and the value's columns.
 */
@Embeddable
public class ContactRow {
    @Embedded
    ContactValueColumns value;

    @Column(name = "key_hash", nullable = false)
    String keyHash;

    @Column(name = "usage", nullable = false)
    String usage;

    @Column(name = "preferred", nullable = false)
    boolean preferred;

    @Column(name = "verified", nullable = false)
    boolean verified;

    protected ContactRow() {
    }

    ContactRow(ContactValueColumns value, String keyHash, String usage, boolean preferred, boolean verified) {
        this.value = value;
        this.keyHash = keyHash;
        this.usage = usage;
        this.preferred = preferred;
        this.verified = verified;
    }
}
