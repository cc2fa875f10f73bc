package org.crmkit.customer;

import org.crmkit.spi.Checks;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.MergeRecord;

/**
 * The outcome of a merge. Immutable and thread-safe.
 *
 * @param survivor           the stored survivor
 * @param record             the merge record
 * @param movedInteractions  how many interactions this call moved to the survivor
 */
public record MergeResult(Customer survivor, MergeRecord record, int movedInteractions) {
    public MergeResult {
        Checks.notNull(survivor, "survivor");
        Checks.notNull(record, "record");
        Checks.nonNegative(movedInteractions, "movedInteractions");
    }
}
