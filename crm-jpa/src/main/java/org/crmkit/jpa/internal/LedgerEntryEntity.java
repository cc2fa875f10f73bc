package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * An entry of a tenant's consent ledger: a row of {@code crm_consent_entry}. The columns of the event's kind are
 * set, the others null; erasure nulls the personal ones and the salt in place.
 */
@Entity
@Table(name = "crm_consent_entry")
@IdClass(LedgerEntryEntity.Key.class)
public class LedgerEntryEntity {
    @Id
    @Column(name = "tenant")
    String tenant;

    @Id
    @Column(name = "seq")
    long seq;

    @Column(name = "customer_id", nullable = false)
    String customerId;

    @Column(name = "recorded_ns", nullable = false)
    long recordedNs;

    @Column(name = "event_kind", nullable = false)
    String eventKind;

    @Column(name = "channel", nullable = false)
    String channel;

    @Column(name = "purpose", nullable = false)
    String purpose;

    @Embedded
    ContactValueColumns contact;

    @Column(name = "capture")
    String capture;

    @Column(name = "valid_until_ns")
    Long validUntilNs;

    @Column(name = "confirm_by_ns")
    Long confirmByNs;

    @Column(name = "source_kind", nullable = false)
    String sourceKind;

    @Column(name = "source_reference", nullable = false)
    String sourceReference;

    @Column(name = "captured_ns", nullable = false)
    long capturedNs;

    @Column(name = "wording_version")
    String wordingVersion;

    @Column(name = "wording_text")
    String wordingText;

    @Column(name = "proof_ip")
    String proofIp;

    @Column(name = "proof_user_agent")
    String proofUserAgent;

    @Column(name = "personal_digest", nullable = false)
    String personalDigest;

    @Column(name = "salt")
    String salt;

    @Column(name = "previous_hash", nullable = false)
    String previousHash;

    @Column(name = "hash", nullable = false)
    String hash;

    protected LedgerEntryEntity() {
    }

    LedgerEntryEntity(String tenant, long seq) {
        this.tenant = tenant;
        this.seq = seq;
    }

    /** Tenant and sequence of an entry. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenant;
        long seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.tenant, tenant) && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, seq);
        }
    }
}
