package org.crmkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/**
 * What the services of one {@code Crm} share: the storage, clock, ids, event writer, the engine parts that join
 * customer writes, configuration. Immutable and thread-safe (the hook list is thread-safe).
 *
 * @param staleness how old what an engine cache remembers of the storage may be before it is read again
 */
public record Engine(Storage storage, Clock clock, IdSource ids, EventWriter events, List<EngineHooks> hooks,
                     AttributeSchema schema, String defaultRegion, Duration staleness) {
    public CustomerStore customers() {
        return storage.customers();
    }

    public InteractionStore interactions() {
        return storage.interactions();
    }

    /** Runs {@code work} as one unit of the storage, holding the locks of the customers {@code ids}. */
    public <T> T locked(TenantId tenant, Collection<CustomerId> ids, Supplier<T> work) {
        return storage.atomically(ids.stream().map(id -> LockKey.customer(tenant, id)).toList(), work);
    }

    /** Runs {@code work} as one unit of the storage, holding the lock of the customer {@code id}. */
    public <T> T locked(TenantId tenant, CustomerId id, Supplier<T> work) {
        return storage.atomically(List.of(LockKey.customer(tenant, id)), work);
    }

    /** Every interaction of {@code subject}, oldest first, read a full page at a time. */
    public Iterable<Interaction> interactionsOf(TenantId tenant, Subject subject) {
        InteractionQuery query = InteractionQuery.all().withLimit(InteractionQuery.MAX_LIMIT);
        return Pages.all(cursor -> interactions().find(tenant, subject, cursor.map(query::after).orElse(query)));
    }
}
