package org.crmkit.consent;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.CustomerId;

/**
 * Told whose contact decisions a write of the consent engine may have changed, so that what is derived from them
 * (a tracked {@code can_contact(…)} segment) follows at once. {@code Crm} wires its segment tracking here; a host
 * building a {@link ConsentService} alone may give its own ({@link ConsentService.Builder#decisionListener}).
 *
 * <p>Called on the writing thread once the write's unit committed (after the outermost unit, if the write ran
 * inside the caller's), once per ledger entry, suppression change or recorded send. Must be thread-safe; what it
 * throws propagates to the caller of the write, which has committed.
 */
public interface DecisionListener {
    /** A listener that does nothing (the default). */
    DecisionListener NONE = new DecisionListener() {
        @Override
        public void customerChanged(TenantId tenant, CustomerId customer) {
        }

        @Override
        public void contactChanged(TenantId tenant, ContactValue point) {
        }
    };

    /** The customer's consents changed (given, withdrawn, confirmed, expired, carried over) or a send was counted. */
    void customerChanged(TenantId tenant, CustomerId customer);

    /** The contact point was put on or taken off the suppression list: its holders may decide differently. */
    void contactChanged(TenantId tenant, ContactValue point);
}
