package org.crmkit.consent;

import java.time.Instant;
import java.util.List;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.customer.CustomerId;

/**
 * What a customer consented to, suitable to hand to the person: every consent with the evidence of its current
 * state, and every recorded event, oldest first. Holds personal data (technical proof). Events erased with a
 * customer are not listed, only counted: they stay in the ledger as proof without personal data, and belong to the
 * person erased, who may not be the one holding the id now. Immutable and thread-safe.
 *
 * @param tenant        the tenant
 * @param customer      the customer
 * @param generatedAt   when the receipt was produced; the consents are judged at this instant
 * @param consents      every consent with at least one event, ordered by channel, purpose and contact point
 * @param history       every consent event of the customer since its last erasure, in ledger order
 * @param erasedEntries how many ledger entries about the id were erased (with the erasures themselves)
 */
public record ConsentReceipt(TenantId tenant, CustomerId customer, Instant generatedAt, List<ConsentStatus> consents,
                             List<ConsentEvent> history, long erasedEntries) {
    public ConsentReceipt {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        Checks.notNull(generatedAt, "generatedAt");
        consents = List.copyOf(Checks.noNullElements(consents, "consents"));
        history = List.copyOf(Checks.noNullElements(history, "history"));
        Checks.nonNegative(erasedEntries, "erasedEntries");
    }
}
