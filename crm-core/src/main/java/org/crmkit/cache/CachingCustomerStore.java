package org.crmkit.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
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
 * that raced with a write does not cache what it read. Writes made to the delegate directly, bypassing this cache
 * (by another engine sharing the storage, say), are seen once the affected entries expire: by default 1 second
 * after they were cached ({@link #DEFAULT_EXPIRE_AFTER_WRITE}, the library-wide staleness bound; see
 * {@link Builder#expireAfterWrite}), or when they are evicted, or after {@link #invalidateAll()}.
 *
 * <p><b>Capabilities</b> ({@link #capability}) are those of the delegate, passed through, so that an engine finds,
 * say, the delegate's {@link org.crmkit.spi.segment.SegmentQueryCapability} through the cache. A capability
 * reached that way reads or writes the delegate directly, past the cache; that is right for queries, and
 * {@link CustomerErasure}, the one capability that writes customers, goes through the cache instead.
 *
 * <p><b>Erasure.</b> If the delegate offers {@link CustomerErasure}, so does the cache (the store {@link #of} and
 * {@link Builder#build} return implements it, erasing through the cache); otherwise it does not, and the engine
 * refuses erasure as it would for the delegate. An erasure leaves none of the erased person's data in the cache:
 * it discards the entries of the erased id and of the ids merged into it ({@link CustomerErasure.Erased#merged}),
 * every identity entry naming one of them, and every negative identity entry of the tenant (which may hold an
 * identity value of the person).
 *
 * <p>Thread-safe if the delegate is.
 */
public sealed class CachingCustomerStore implements CustomerStore permits CachingCustomerStore.Erasing {
    /** The default of {@link Builder#maximumSize}. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    /** The default of {@link Builder#expireAfterWrite}, 1 second: the library-wide staleness bound. */
    public static final Duration DEFAULT_EXPIRE_AFTER_WRITE = Duration.ofSeconds(1);

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

    /**
     * A cache of {@link #DEFAULT_MAXIMUM_SIZE} entries, each expiring {@link #DEFAULT_EXPIRE_AFTER_WRITE} (1 second)
     * after it was cached, in front of {@code delegate}.
     */
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

    /**
     * This store if it is a {@code type} ({@link CustomerStore}, and {@link CustomerErasure} if the delegate erases),
     * else the delegate's capability: passed through, except {@link CustomerErasure}, which only the cache itself
     * offers.
     */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        Checks.notNull(type, "type");
        if (type.isInstance(this)) {
            return Optional.of(type.cast(this));
        }
        return type == CustomerErasure.class ? Optional.empty() : delegate.capability(type);
    }

    /** Discards every cached entry, e.g. after writing to the delegate directly. */
    public void invalidateAll() {
        writes.incrementAndGet();
        byId.invalidateAll();
        byIdentity.invalidateAll();
    }

    /** Erases through the delegate, then discards every entry that may hold the erased person's data. */
    Erased eraseThrough(CustomerErasure erasure, TenantId tenant, CustomerId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        Set<CustomerId> erased = new HashSet<>();
        erased.add(id);
        try {
            Erased result = erasure.erase(tenant, id);
            erased.addAll(result.merged());
            return result;
        } finally {
            forgetErased(tenant, erased);
        }
    }

    /**
     * Discards the entries of the erased ids, the identity entries naming one of them, and the tenant's negative
     * identity entries.
     */
    private void forgetErased(TenantId tenant, Set<CustomerId> erased) {
        writes.incrementAndGet();
        for (CustomerId id : erased) {
            byId.invalidate(new IdKey(tenant, id));
        }
        byIdentity.asMap().entrySet().removeIf(e -> e.getKey().tenant().equals(tenant)
                && e.getValue().map(erased::contains).orElse(true));
    }

    /** Every key and value cached, for tests that look for data that should be gone. */
    List<Object> cached() {
        List<Object> all = new ArrayList<>();
        byId.asMap().forEach((k, v) -> {
            all.add(k);
            all.add(v);
        });
        byIdentity.asMap().forEach((k, v) -> {
            all.add(k);
            all.add(v);
        });
        return all;
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
        private Duration expireAfterWrite = DEFAULT_EXPIRE_AFTER_WRITE;
        private boolean expireAfterWriteSet;
        private Ticker ticker = Ticker.systemTicker();
        private boolean tickerSet;

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
         * How long an entry is kept after it was cached, positive; by default 1 second
         * ({@link CachingCustomerStore#DEFAULT_EXPIRE_AFTER_WRITE}, the library-wide staleness bound). Bounds how
         * long writes that bypass the cache (made by another engine sharing the delegate's storage) stay unseen.
         */
        public Builder expireAfterWrite(Duration duration) {
            Checks.notNull(duration, "expireAfterWrite");
            if (expireAfterWriteSet) {
                throw new ValidationException("expireAfterWrite", "is set already");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new ValidationException("expireAfterWrite", "must be positive (" + duration + ")");
            }
            this.expireAfterWrite = duration;
            this.expireAfterWriteSet = true;
            return this;
        }

        /**
         * The clock expiry is measured with; by default the system's monotonic time. {@code Crm} gives its own, so
         * that a cache's entries age with the engine's clock, as its other staleness bounds do.
         */
        public Builder clock(Clock clock) {
            Checks.notNull(clock, "clock");
            return ticker(() -> {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            });
        }

        /** The time source of expiry; the system's by default. For tests that move time by hand. */
        Builder ticker(Ticker ticker) {
            if (tickerSet) {
                throw new ValidationException("clock", "is set already");
            }
            this.ticker = Checks.notNull(ticker, "ticker");
            this.tickerSet = true;
            return this;
        }

        /**
         * The caching store; it offers {@link CustomerErasure} (and implements it) if and only if the delegate
         * offers it.
         */
        public CachingCustomerStore build() {
            return delegate.capability(CustomerErasure.class)
                    .<CachingCustomerStore>map(erasure -> new Erasing(this, erasure))
                    .orElseGet(() -> new CachingCustomerStore(this));
        }

        private Caffeine<Object, Object> caffeine() {
            return Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expireAfterWrite).ticker(ticker);
        }
    }
}
