package org.crmkit.spi.consent;

import java.time.Instant;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.ContactKind;

/**
 * One contact point on a tenant's do-not-contact list. The point itself is not kept, only its keyed hash
 * (HMAC-SHA-256 of its {@link org.crmkit.spi.customer.ContactValue#key()} under a key the host holds), so the
 * entry survives the erasure of the customer's data without keeping the address. Immutable and thread-safe.
 *
 * @param tenant      the tenant
 * @param contactHash the keyed hash of the contact point
 * @param kind        the kind of the contact point (for reporting)
 * @param reason      why it is suppressed
 * @param since       when it was suppressed
 */
public record SuppressionEntry(TenantId tenant, Hash256 contactHash, ContactKind kind, SuppressionReason reason,
                               Instant since) {
    public SuppressionEntry {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(contactHash, "contactHash");
        Checks.notNull(kind, "kind");
        Checks.notNull(reason, "reason");
        Checks.notNull(since, "since");
    }
}
