package org.crmkit.spi.customer;

import org.crmkit.spi.TenantId;

/**
 * Optional capability of a {@link CustomerStore}: erase a customer for good (the right to erasure). A store that
 * does not implement it cannot erase; the engine then refuses erasure with
 * {@link org.crmkit.spi.UnsupportedCapabilityException}. Thread-safe like the store.
 */
public interface CustomerErasure {
    /**
     * Removes the customer and every merge record that names it, as survivor or as merged customer (those records
     * hold its data). Idempotent: erasing an absent customer does nothing.
     *
     * @return whether a customer or a merge record was removed
     */
    boolean erase(TenantId tenant, CustomerId id);
}
