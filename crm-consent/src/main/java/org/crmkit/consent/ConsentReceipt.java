package org.crmkit.consent;

import java.time.Instant;
import java.util.List;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.customer.CustomerId;

/**
 * What a customer consented to, suitable to hand to the person: every consent with the evidence of its current
 * state, and every recorded event, oldest first. Holds personal data (technical proof). Immutable and thread-safe.
 *
 * @param tenant      the tenant
 * @param customer    the customer
 * @param generatedAt when the receipt was produced; the consents are judged at this instant
 * @param consents    every consent with at least one event, ordered by channel, purpose and contact point
 * @param history     every consent event of the customer, in ledger order
 */
public record ConsentReceipt(TenantId tenant, CustomerId customer, Instant generatedAt, List<ConsentStatus> consents,
                             List<ConsentEvent> history) {
    public ConsentReceipt {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        Checks.notNull(generatedAt, "generatedAt");
        consents = List.copyOf(Checks.noNullElements(consents, "consents"));
        history = List.copyOf(Checks.noNullElements(history, "history"));
    }
}
