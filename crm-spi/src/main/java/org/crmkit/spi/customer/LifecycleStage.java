package org.crmkit.spi.customer;

/** Where a customer stands in the relationship. Any stage may follow any other (a churned customer may return). */
public enum LifecycleStage {
    /** Known, not yet qualified. */
    PROSPECT,
    /** Qualified interest, no purchase yet. */
    LEAD,
    /** Has bought. */
    CUSTOMER,
    /** Has bought, but not recently. */
    INACTIVE,
    /** Considered lost. */
    CHURNED
}
