package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A lifecycle transition of a customer: a row of {@code crm_customer_stage}. */
@Embeddable
public class StageRow {
    @Column(name = "stage", nullable = false)
    String stage;

    @Column(name = "at_ns", nullable = false)
    long atNs;

    protected StageRow() {
    }

    StageRow(String stage, long atNs) {
        this.stage = stage;
        this.atNs = atNs;
    }
}
