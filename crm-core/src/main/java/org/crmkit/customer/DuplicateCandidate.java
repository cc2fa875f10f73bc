package org.crmkit.customer;

import java.util.List;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.Checks;

/**
 * A customer found to be a probable duplicate, with the matcher's reasons. Immutable and thread-safe.
 *
 * @param customer the duplicate
 * @param reasons  why it matched; never empty
 */
public record DuplicateCandidate(Customer customer, List<String> reasons) {
    public DuplicateCandidate {
        Checks.notNull(customer, "customer");
        reasons = List.copyOf(Checks.noNullElements(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new ValidationException("reasons", "a duplicate needs at least one reason");
        }
    }
}
