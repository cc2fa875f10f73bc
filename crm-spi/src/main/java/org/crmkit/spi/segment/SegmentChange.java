package org.crmkit.spi.segment;

import java.time.Instant;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;

/**
 * A customer entered or left a segment. Immutable and thread-safe.
 *
 * @param kind     entered or left
 * @param tenant   the customer's tenant
 * @param segment  the segment's name
 * @param customer the customer
 * @param at       when the change was noticed (the engine's clock)
 */
public record SegmentChange(Kind kind, TenantId tenant, String segment, CustomerId customer, Instant at) {
    public SegmentChange {
        Checks.notNull(kind, "kind");
        Checks.notNull(tenant, "tenant");
        Checks.snake(segment, "segment", 64);
        Checks.notNull(customer, "customer");
        Checks.notNull(at, "at");
    }

    /** Whether the customer entered or left. */
    public enum Kind {
        ENTERED, LEFT
    }
}
