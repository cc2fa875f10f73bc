package org.crmkit.jpa.internal;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/**
 * The record of a merge: a row of {@code crm_merge_record}, pointing at the row of {@code crm_customer} that keeps
 * the merged customer as it was, with the origins of conflicting fields in {@code crm_merge_origin}.
 */
@Entity
@Table(name = "crm_merge_record")
public class MergeRecordEntity {
    @EmbeddedId
    Key key;

    @Column(name = "survivor_id", nullable = false)
    String survivorId;

    @Column(name = "at_ns", nullable = false)
    long atNs;

    @Column(name = "snapshot_row", nullable = false)
    long snapshotRow;

    @ElementCollection
    @CollectionTable(name = "crm_merge_origin", joinColumns = {
            @JoinColumn(name = "tenant", referencedColumnName = "tenant"),
            @JoinColumn(name = "merged_id", referencedColumnName = "merged_id")})
    @MapKeyColumn(name = "field")
    @Column(name = "origin_id")
    Map<String, String> origins = new HashMap<>();

    protected MergeRecordEntity() {
    }

    MergeRecordEntity(String tenant, String mergedId) {
        this.key = new Key(tenant, mergedId);
    }

    /** Tenant and merged customer of the record. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "tenant")
        String tenant;

        @Column(name = "merged_id")
        String mergedId;

        protected Key() {
        }

        Key(String tenant, String mergedId) {
            this.tenant = tenant;
            this.mergedId = mergedId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenant.equals(tenant) && k.mergedId.equals(mergedId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, mergedId);
        }
    }
}
