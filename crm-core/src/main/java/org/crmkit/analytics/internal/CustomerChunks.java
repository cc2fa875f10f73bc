package org.crmkit.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.crmkit.internal.Engine;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.storage.LockKey;

/**
 * Work over many customers in storage units of {@value #SIZE} customers each: every unit holds the locks of its
 * customers, so a batch never holds a lock for long and each chunk commits on its own. Stateless.
 */
final class CustomerChunks {
    static final int SIZE = 256;

    private CustomerChunks() {
    }

    /** Runs {@code work} for each of {@code ids}, in their order, in units of {@value #SIZE} customers. */
    static void forEach(Engine engine, TenantId tenant, Iterable<CustomerId> ids, Consumer<CustomerId> work) {
        List<CustomerId> chunk = new ArrayList<>(SIZE);
        for (CustomerId id : ids) {
            chunk.add(id);
            if (chunk.size() == SIZE) {
                run(engine, tenant, chunk, work);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            run(engine, tenant, chunk, work);
        }
    }

    /** Runs {@code work} for each of {@code chunk}, in its order, in one unit holding their locks. */
    static void run(Engine engine, TenantId tenant, List<CustomerId> chunk, Consumer<CustomerId> work) {
        List<LockKey> locks = chunk.stream().map(id -> LockKey.customer(tenant, id)).toList();
        engine.storage().atomically(locks, () -> chunk.forEach(work));
    }
}
