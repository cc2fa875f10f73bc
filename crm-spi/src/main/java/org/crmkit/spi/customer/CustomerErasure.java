package org.crmkit.spi.customer;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;

/**
 * Optional capability of a {@link CustomerStore}: erase a customer for good (the right to erasure). A store that
 * does not offer it cannot erase; the engine then refuses erasure with
 * {@link org.crmkit.spi.UnsupportedCapabilityException}. Ask for it with
 * {@code store.capability(CustomerErasure.class)}. Thread-safe like the store.
 */
public interface CustomerErasure {
    /**
     * Removes the customer and every merge record that holds its data or the data of a customer merged into it:
     * the records naming it as survivor or as merged customer, and, through every chain of merges that ends at it
     * (Z merged into W, W merged into it), the records of those merged customers too. Idempotent: erasing an absent
     * customer with no such records does nothing.
     *
     * @return whether the customer (or its own merge record) was removed, and the ids of the customers merged into
     *         it whose merge records were removed
     */
    Erased erase(TenantId tenant, CustomerId id);

    /**
     * What an erasure removed.
     *
     * @param removed whether the customer itself, or the record of its own merge into another, was stored and is
     *                now removed
     * @param merged  the customers merged into it, directly or through a chain, whose merge records were removed;
     *                never the erased id itself (an id merged away and later given to a new customer that absorbed
     *                its survivor forms a cycle, which the erasure breaks at the erased id)
     */
    record Erased(boolean removed, SortedSet<CustomerId> merged) {
        public Erased {
            Checks.notNull(merged, "merged");
            merged = Collections.unmodifiableSortedSet(new TreeSet<>(
                    Checks.noNullElements(merged, "merged")));
        }

        /** Whether anything was removed. */
        public boolean any() {
            return removed || !merged.isEmpty();
        }
    }
}
