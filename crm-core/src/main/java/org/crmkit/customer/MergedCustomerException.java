package org.crmkit.customer;

import org.crmkit.spi.Checks;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.customer.CustomerId;

/**
 * An operation named a customer that no longer exists because it was merged into another: {@link #survivor()} is
 * the customer its id resolves to now (at the end of the chain of merges). Nothing was changed.
 */
public class MergedCustomerException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final String role;
    private final CustomerId merged;
    private final CustomerId survivor;

    /**
     * @param role     what the operation named the customer as, e.g. {@code survivor}
     * @param merged   the id it named
     * @param survivor the customer {@code merged} resolves to now
     */
    public MergedCustomerException(String role, CustomerId merged, CustomerId survivor) {
        super("customer", Checks.notNull(merged, "merged").value(), "customer " + merged.value() + " (the "
                + Checks.notNull(role, "role") + ") was merged into " + Checks.notNull(survivor, "survivor").value());
        this.role = role;
        this.merged = merged;
        this.survivor = survivor;
    }

    /** What the operation named the customer as. */
    public String role() {
        return role;
    }

    /** The id the operation named. */
    public CustomerId merged() {
        return merged;
    }

    /** The customer that id resolves to now. */
    public CustomerId survivor() {
        return survivor;
    }
}
