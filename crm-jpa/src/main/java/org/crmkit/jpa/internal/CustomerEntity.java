package org.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code crm_customer}: a live customer ({@code live} true), or the snapshot of one merged away
 * ({@code live} null) that its merge record keeps. {@code version} is the customer's version, checked and raised by
 * the provider on every update of the row.
 */
@Entity
@Table(name = "crm_customer")
public class CustomerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_customer_row")
    @SequenceGenerator(name = "crm_customer_row", sequenceName = "crm_customer_row_seq", allocationSize = 50)
    @Column(name = "row_id")
    Long rowId;

    @Column(name = "tenant", nullable = false, updatable = false)
    String tenant;

    @Column(name = "customer_id", nullable = false, updatable = false)
    String customerId;

    @Column(name = "live")
    Boolean live;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "party_kind", nullable = false)
    String partyKind;

    @Column(name = "given_name")
    String givenName;

    @Column(name = "family_name")
    String familyName;

    @Column(name = "organization")
    String organization;

    @Column(name = "job_title")
    String jobTitle;

    @Column(name = "org_name")
    String orgName;

    @Column(name = "registration")
    String registration;

    @Column(name = "owner")
    String owner;

    @Column(name = "stage", nullable = false)
    String stage;

    @Column(name = "created_ns", nullable = false)
    long createdNs;

    @Column(name = "updated_ns", nullable = false)
    long updatedNs;

    @ElementCollection
    @CollectionTable(name = "crm_customer_stage", joinColumns = @JoinColumn(name = "row_id"))
    @OrderColumn(name = "position")
    List<StageRow> stages = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "crm_customer_tag", joinColumns = @JoinColumn(name = "row_id"))
    @Column(name = "tag")
    Set<String> tags = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "crm_customer_contact", joinColumns = @JoinColumn(name = "row_id"))
    @OrderColumn(name = "position")
    List<ContactRow> contacts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "crm_customer_identity", joinColumns = @JoinColumn(name = "row_id"))
    Set<IdentityRow> identities = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "crm_customer_attribute", joinColumns = @JoinColumn(name = "row_id"))
    @MapKeyColumn(name = "name")
    Map<String, AttributeRow> attributes = new HashMap<>();

    protected CustomerEntity() {
    }

    CustomerEntity(String tenant, String customerId) {
        this.tenant = tenant;
        this.customerId = customerId;
        this.live = Boolean.TRUE;
    }
}
