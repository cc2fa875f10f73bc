package org.crmkit.internal;

import java.util.Collection;
import java.util.function.Supplier;

import org.crmkit.cache.CachingCustomerStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.storage.ForwardingStorage;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/**
 * A storage whose customer store is a {@link CachingCustomerStore} in front of the storage's own: what
 * {@code Crm.Builder.customerCache} builds. Every other port, the units and the capabilities are the storage's. A
 * unit that fails empties the cache, which may hold what the unit wrote before it was undone. Thread-safe.
 */
public final class CustomerCacheStorage extends ForwardingStorage {
    private final CachingCustomerStore customers;

    public CustomerCacheStorage(Storage storage, CachingCustomerStore customers) {
        super(storage);
        this.customers = customers;
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public <T> T atomically(Collection<LockKey> locks, Supplier<T> work) {
        try {
            return super.atomically(locks, work);
        } catch (RuntimeException | Error failure) {
            customers.invalidateAll();
            throw failure;
        }
    }
}
