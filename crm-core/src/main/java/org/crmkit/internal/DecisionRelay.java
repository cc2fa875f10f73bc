package org.crmkit.internal;

import org.crmkit.consent.DecisionListener;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.CustomerId;

/**
 * The consent engine's {@link DecisionListener}, built before what listens (the consent engine comes first, and
 * segment tracking needs it): forwards to the listener set later, and to none until then. Thread-safe.
 */
public final class DecisionRelay implements DecisionListener {
    private volatile DecisionListener target = DecisionListener.NONE;

    /** Forwards from now on to {@code listener}. */
    public void forwardTo(DecisionListener listener) {
        this.target = listener;
    }

    @Override
    public void customerChanged(TenantId tenant, CustomerId customer) {
        target.customerChanged(tenant, customer);
    }

    @Override
    public void contactChanged(TenantId tenant, ContactValue point) {
        target.contactChanged(tenant, point);
    }
}
