package org.crmkit.internal;

import java.time.Clock;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.interaction.InteractionStore;

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

    private record CustomerKey(TenantId tenant, CustomerId id) {
    }
}
