package org.crmkit.internal;

import java.time.Clock;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.Subject;

/**
 * What the services of one {@code Crm} share: stores, clock, ids, events, locks and configuration. Immutable and
 * thread-safe.
 */
public record Engine(CustomerStore customers, InteractionStore interactions, Clock clock, IdSource ids,
                     EventPublisher events, KeyLocks locks, AttributeSchema schema, String defaultRegion) {
    /** The lock key that serialises the writes and events of one customer. */
    public static Object key(TenantId tenant, CustomerId id) {
        return new CustomerKey(tenant, id);
    }

    /** Every interaction of {@code subject}, oldest first, read a full page at a time. */
    public Iterable<Interaction> interactionsOf(TenantId tenant, Subject subject) {
        InteractionQuery query = InteractionQuery.all().withLimit(InteractionQuery.MAX_LIMIT);
        return Pages.all(cursor -> interactions.find(tenant, subject, cursor.map(query::after).orElse(query)));
    }

    private record CustomerKey(TenantId tenant, CustomerId id) {
    }
}
