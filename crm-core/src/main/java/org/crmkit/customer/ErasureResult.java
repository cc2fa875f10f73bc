package org.crmkit.customer;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import org.crmkit.spi.Checks;
import org.crmkit.spi.customer.CustomerId;

/**
 * What {@link CustomerService#erase} did. Erasing an id erases the person it stands for: the customer the id
 * resolves to (itself, or the survivor it was merged into), and with it every customer merged into that one.
 * Immutable and thread-safe.
 *
 * @param requested    the id the erasure was asked for
 * @param erased       the customer whose data was erased: {@code requested}, or the survivor it was merged into
 * @param merged       the customers that had been merged into {@code erased} (directly or through a chain), whose
 *                     merge records went with it; sorted
 * @param interactions how many interactions were erased (the customers' and those of the anonymous visitors they
 *                     were identified as)
 * @param anything     whether anything was erased at all; {@code false} for an id the storage holds nothing of
 */
public record ErasureResult(CustomerId requested, CustomerId erased, SortedSet<CustomerId> merged,
                            long interactions, boolean anything) {
    public ErasureResult {
        Checks.notNull(requested, "requested");
        Checks.notNull(erased, "erased");
        merged = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.noNullElements(merged, "merged")));
        Checks.nonNegative(interactions, "interactions");
    }

    /** Whether the requested id had been merged into another customer, which was erased in its stead. */
    public boolean erasedSurvivor() {
        return !requested.equals(erased);
    }
}
