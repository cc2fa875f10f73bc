package org.crmkit.benchmarks.consent;

import org.crmkit.consent.ConsentService;
import org.crmkit.consent.ContactDecision;
import org.crmkit.spi.customer.CustomerId;

/**
 * Walks the customers of {@link ConsentBase} the way a campaign walks its audience: the 9 channel-purpose pairs of
 * one customer after the other, customer by customer, starting again at the first after the last, all decided at
 * {@link ConsentBase#NOW}. Not thread-safe: one position.
 */
final class CustomerSweep {
    private final ConsentService consents;
    private final CustomerId[] all;
    private int next;

    CustomerSweep(ConsentService consents, int customers) {
        this.consents = consents;
        this.all = new CustomerId[customers];
        for (int n = 0; n < customers; n++) {
            all[n] = ConsentBase.customerId(n);
        }
    }

    /** Decides the 9 pairs of the next customer; returns how many are allowed. */
    int next() {
        CustomerId id = all[next];
        next = next + 1 == all.length ? 0 : next + 1;
        int allowed = 0;
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 3; p++) {
                ContactDecision d = consents.decide(ConsentBase.TENANT, id, ConsentBase.CHANNELS.get(c),
                        ConsentBase.PURPOSES.get(p), ConsentBase.NOW);
                allowed += d.isAllowed() ? 1 : 0;
            }
        }
        return allowed;
    }

    /** Decides the 9 pairs of every customer once, from the current position; returns how many are allowed. */
    long once() {
        long allowed = 0;
        for (int n = 0; n < all.length; n++) {
            allowed += next();
        }
        return allowed;
    }
}
