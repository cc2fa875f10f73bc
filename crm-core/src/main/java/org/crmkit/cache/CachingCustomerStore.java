package org.crmkit.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerErasure.Erased;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;
import org.jspecify.annotations.Nullable;

/**
 * A read-through cache in front of another {@link CustomerStore}, built on Caffeine. It keeps the same contract as
 * the store it decorates, as long as every write goes through it.
 *
 * <p><b>What is cached.</b> {@link #findById} results, absence included, and for {@link #findByIdentity} the id
 * of the identity's holder (or its absence); the customer itself is then read through the id cache, and a cached
 * holder that no longer holds the identity is dropped and looked up again. Every other read
 * ({@link #findByContactPoint}, {@link #findMergeRecord}, {@link #scan}, {@link #count}) goes to the delegate.
 * Each of the two caches keeps at most {@link Builder#maximumSize} entries.
 *
 * <p><b>Writes</b> go to the delegate; once it returned or threw, the entries they may have made stale are
 * discarded: the customer's id and identities, and for a merge the merged customer and its identities. A lookup
 * that raced with a write does not cache what it read. Writes made to the delegate directly, bypassing this cache,
 * are not seen until the affected entries expire ({@link Builder#expireAfterWrite}) or are evicted, or until
 * {@link #invalidateAll()}.
 *
 * <p><b>Erasure.</b> If the delegate implements {@link CustomerErasure}, the store {@link #of} and
 * {@link Builder#build} return implements it too (erasing through the cache); otherwise it does not, and the
 * engine refuses erasure as it would for the delegate. Ask with {@code instanceof CustomerErasure}.
 *
 * <p>Thread-safe if the delegate is.
 */
public sealed class CachingCustomerStore implements CustomerStore permits CachingCustomerStore.Erasing {
    /** The default of {@link Builder#maximumSize}. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    private final CustomerStore delegate;
    private final Cache<IdKey, Optional<Customer>> byId;
    private final Cache<IdentityKey, Optional<CustomerId>> byIdentity;
    /** Counts writes; a lookup caches what it read only if no write started meanwhile. */
    private final AtomicLong writes = new AtomicLong();

    private record IdKey(TenantId tenant, CustomerId id) {
    }

    private record IdentityKey(TenantId tenant, ExternalIdentity identity) {
    }

    private CachingCustomerStore(Builder b) {
        this.delegate = b.delegate;
        this.byId = b.caffeine().build();
        this.byIdentity = b.caffeine().build();
    }

    /** A cache of {@link #DEFAULT_MAXIMUM_SIZE} entries without expiry in front of {@code delegate}. */
    public static CachingCustomerStore of(CustomerStore delegate) {
        return builder(delegate).build();
    }

    public static Builder builder(CustomerStore delegate) {
        return new Builder(delegate);
    }

    @Override
    public Customer create(Customer customer) {
        Checks.notNull(customer, "customer");
        try {
            return delegate.create(customer);
        } finally {
            forget(customer);
        }
    }

    @Override
    public Customer update(Customer customer) {
        Checks.notNull(customer, "customer");
        try {
            return delegate.update(customer);
        } finally {
            forget(customer);
        }
    }

    @Override
    public Customer merge(Customer survivor, long mergedVersion, MergeRecord record) {
        Checks.notNull(survivor, "survivor");
        Checks.notNull(record, "record");
        try {
            return delegate.merge(survivor, mergedVersion, record);
        } finally {
            forget(survivor);
            forget(record.mergedSnapshot());
        }
    }

    @Override
    public Optional<Customer> findById(TenantId tenant, CustomerId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        IdKey key = new IdKey(tenant, id);
        Optional<Customer> cached = byId.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long stamp = writes.get();
        Optional<Customer> loaded = delegate.findById(tenant, id);
        remember(byId, key, loaded, stamp);
        return loaded;
    }

    @Override
    public Optional<Customer> findByIdentity(TenantId tenant, ExternalIdentity identity) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(identity, "identity");
        IdentityKey key = new IdentityKey(tenant, identity);
        Optional<CustomerId> holder = byIdentity.getIfPresent(key);
        if (holder != null) {
            if (holder.isEmpty()) {
                return Optional.empty();
            }
            Optional<Customer> customer = findById(tenant, holder.get());
            if (customer.isPresent() && customer.get().identities().contains(identity)) {
                return customer;
            }
            byIdentity.invalidate(key);
        }
        long stamp = writes.get();
        Optional<Customer> loaded = delegate.findByIdentity(tenant, identity);
        remember(byIdentity, key, loaded.map(Customer::id), stamp);
        loaded.ifPresent(c -> remember(byId, new IdKey(tenant, c.id()), loaded, stamp));
        return loaded;
    }

    @Override
    public List<Customer> findByContactPoint(TenantId tenant, ContactValue value) {
        return delegate.findByContactPoint(tenant, value);
    }

    @Override
    public Optional<MergeRecord> findMergeRecord(TenantId tenant, CustomerId merged) {
        return delegate.findMergeRecord(tenant, merged);
    }

    @Override
    public Page<Customer> scan(TenantId tenant, Optional<String> after, int limit) {
        return delegate.scan(tenant, after, limit);
    }

    @Override
    public long count(TenantId tenant) {
        return delegate.count(tenant);
    }

    /** Discards every cached entry, e.g. after writing to the delegate directly. */
    public void invalidateAll() {
        writes.incrementAndGet();
        byId.invalidateAll();
        byIdentity.invalidateAll();
    }

    /** Erases through the delegate, then discards the customer's entries. */
    Erased eraseThrough(CustomerErasure erasure, TenantId tenant, CustomerId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        try {
            return erasure.erase(tenant, id);
        } finally {
            writes.incrementAndGet();
            byId.invalidate(new IdKey(tenant, id));
        }
    }

    /**
     * Discards the entries a write of {@code c} may have made stale. Identities {@code c} no longer holds need no
     * discarding: a cached holder is checked against the (discarded, so re-read) customer before it is trusted.
     */
    private void forget(Customer c) {
        writes.incrementAndGet();
        byId.invalidate(new IdKey(c.tenant(), c.id()));
        for (ExternalIdentity identity : c.identities()) {
            byIdentity.invalidate(new IdentityKey(c.tenant(), identity));
        }
    }

    /**
     * Caches {@code value}, read from the delegate after {@code stamp} was taken, unless a write started since:
     * then the value may predate it, and is discarded again. A write that starts after the check discards it
     * itself, after its delegate call.
     */
    private <K, V> void remember(Cache<K, V> cache, K key, V value, long stamp) {
        cache.put(key, value);
        if (writes.get() != stamp) {
            cache.invalidate(key);
        }
    }

    /** The caching store of a delegate that erases: erasure goes through the cache. */
    static final class Erasing extends CachingCustomerStore implements CustomerErasure {
        private final CustomerErasure erasure;

        private Erasing(Builder b, CustomerErasure erasure) {
            super(b);
            this.erasure = erasure;
        }

        @Override
        public Erased erase(TenantId tenant, CustomerId id) {
            return eraseThrough(erasure, tenant, id);
        }
    }

    /**
     * Configures a {@link CachingCustomerStore}. Each option may be set once and is checked when set. Not
     * thread-safe.
     */
    public static final class Builder {
        private final CustomerStore delegate;
        private long maximumSize = DEFAULT_MAXIMUM_SIZE;
        private boolean maximumSizeSet;
        private @Nullable Duration expireAfterWrite;

        private Builder(CustomerStore delegate) {
            this.delegate = Checks.notNull(delegate, "delegate");
        }

        /** The most entries each cache keeps (customers by id; identity holders), at least 1. */
        public Builder maximumSize(long size) {
            if (maximumSizeSet) {
                throw new ValidationException("maximumSize", "is set already");
            }
            if (size < 1) {
                throw new ValidationException("maximumSize", "must be at least 1 (" + size + ")");
            }
            this.maximumSize = size;
            this.maximumSizeSet = true;
            return this;
        }

        /**
         * How long an entry is kept after it was cached; by default until evicted. Bounds how long writes that
         * bypass the cache stay unseen.
         */
        public Builder expireAfterWrite(Duration duration) {
            Checks.notNull(duration, "expireAfterWrite");
            if (expireAfterWrite != null) {
                throw new ValidationException("expireAfterWrite", "is set already");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new ValidationException("expireAfterWrite", "must be positive (" + duration + ")");
            }
            this.expireAfterWrite = duration;
            return this;
        }

        /** The caching store; it implements {@link CustomerErasure} if and only if the delegate does. */
        public CachingCustomerStore build() {
            return delegate instanceof CustomerErasure erasure
                    ? new Erasing(this, erasure) : new CachingCustomerStore(this);
        }

        private Caffeine<Object, Object> caffeine() {
            Caffeine<Object, Object> c = Caffeine.newBuilder().maximumSize(maximumSize);
            if (expireAfterWrite != null) {
                c.expireAfterWrite(expireAfterWrite);
            }
            return c;
        }
    }
}
