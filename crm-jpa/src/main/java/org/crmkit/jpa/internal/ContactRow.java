package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A contact point of a customer row: a row of {@code crm_customer_contact}, with the SHA-256 of its normalised key
 * for lookups and the columns of its kind (the others null).
 */
@Embeddable
public class ContactRow {
    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "key_hash", nullable = false)
    String keyHash;

    @Column(name = "usage", nullable = false)
    String usage;

    @Column(name = "preferred", nullable = false)
    boolean preferred;

    @Column(name = "verified", nullable = false)
    boolean verified;

    @Column(name = "email")
    String email;

    @Column(name = "phone")
    String phone;

    @Column(name = "address_lines")
    String addressLines;

    @Column(name = "postal_code")
    String postalCode;

    @Column(name = "locality")
    String locality;

    @Column(name = "region")
    String region;

    @Column(name = "country")
    String country;

    @Column(name = "network")
    String network;

    @Column(name = "handle")
    String handle;

    @Column(name = "platform")
    String platform;

    @Column(name = "token")
    String token;

    protected ContactRow() {
    }

    ContactRow(String kind, String keyHash, String usage, boolean preferred, boolean verified) {
        this.kind = kind;
        this.keyHash = keyHash;
        this.usage = usage;
        this.preferred = preferred;
        this.verified = verified;
    }
}
