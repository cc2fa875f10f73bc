package org.crmkit.jpa.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/**
 * A row of {@code crm_interaction}, with its properties in {@code crm_interaction_property}. Rows are inserted with
 * JDBC ({@link InteractionInserts}), their {@code row_id} from {@link InteractionRowIds}, never persisted through
 * the entity manager; the entity reads, moves and removes them. {@code seq}, the append order, is null until the
 * appending transaction gives it at commit ({@link InteractionSequencer}).
 */
@Entity
@Table(name = "crm_interaction")
public class InteractionEntity {
    @Id
    @Column(name = "row_id")
    Long rowId;

    @Column(name = "tenant", nullable = false, updatable = false)
    String tenant;

    @Column(name = "interaction_id", nullable = false, updatable = false)
    String interactionId;

    @Column(name = "seq")
    Long seq;

    @Column(name = "subject_kind", nullable = false)
    String subjectKind;

    @Column(name = "subject_id", nullable = false)
    String subjectId;

    @Column(name = "channel", nullable = false)
    String channel;

    @Column(name = "direction", nullable = false)
    String direction;

    @Column(name = "type", nullable = false)
    String type;

    @Column(name = "occurred_ns", nullable = false)
    long occurredNs;

    @Column(name = "recorded_ns", nullable = false)
    long recordedNs;

    @Column(name = "amount")
    String amount;

    @Column(name = "amount_number")
    BigDecimal amountNumber;

    @Column(name = "currency")
    String currency;

    @Column(name = "source", nullable = false, updatable = false)
    String source;

    @Column(name = "external_id", nullable = false, updatable = false)
    String externalId;

    @Column(name = "campaign")
    String campaign;

    @ElementCollection
    @CollectionTable(name = "crm_interaction_property", joinColumns = @JoinColumn(name = "row_id"))
    @MapKeyColumn(name = "name")
    Map<String, AttributeRow> properties = new HashMap<>();

    protected InteractionEntity() {
    }
}
