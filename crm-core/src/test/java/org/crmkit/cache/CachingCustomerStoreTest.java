package org.crmkit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.crmkit.memory.InMemoryCustomerStore;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.segment.SegmentQueryCapability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CachingCustomerStoreTest {
    private static final TenantId TENANT = TenantId.of("t1");
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final ExternalIdentity SHOP_ID = ExternalIdentity.of("webshop", "u-1");

    private final CountingCustomerStore delegate = new CountingCustomerStore();
    private final CachingCustomerStore cache = CachingCustomerStore.of(delegate);

    private static Customer customer(String id) {
        return Customer.builder(TENANT, CustomerId.of(id), Person.named("Ann", id), T0).build();
    }

    @Test
    void findById_repeated_readsTheDelegateOnce() {
        Customer stored = cache.create(customer("c-1"));

        for (int i = 0; i < 5; i++) {
            assertThat(cache.findById(TENANT, stored.id())).contains(stored);
        }

        assertThat(delegate.calls("findById")).isEqualTo(1);
    }

    @Test
    void findById_ofAbsentCustomer_isCached_untilItIsCreatedThroughTheCache() {
        assertThat(cache.findById(TENANT, CustomerId.of("c-1"))).isEmpty();
        assertThat(cache.findById(TENANT, CustomerId.of("c-1"))).isEmpty();
        assertThat(delegate.calls("findById")).isEqualTo(1);

        Customer stored = cache.create(customer("c-1"));

        assertThat(cache.findById(TENANT, CustomerId.of("c-1"))).contains(stored);
    }

    @Test
    void findByIdentity_repeated_readsTheDelegateOnce() {
        Customer stored = cache.create(customer("c-1").toBuilder().identity(SHOP_ID).build());

        for (int i = 0; i < 5; i++) {
            assertThat(cache.findByIdentity(TENANT, SHOP_ID)).contains(stored);
        }
        assertThat(cache.findById(TENANT, stored.id())).contains(stored);

        assertThat(delegate.calls("findByIdentity")).isEqualTo(1);
        assertThat(delegate.calls("findById")).isZero();
    }

    @Test
    void findByIdentity_ofFreeIdentity_isCached_untilAWriteThroughTheCacheClaimsIt() {
        assertThat(cache.findByIdentity(TENANT, SHOP_ID)).isEmpty();
        assertThat(cache.findByIdentity(TENANT, SHOP_ID)).isEmpty();
        assertThat(delegate.calls("findByIdentity")).isEqualTo(1);

        Customer stored = cache.update(cache.create(customer("c-1")).toBuilder().identity(SHOP_ID).build());

        assertThat(cache.findByIdentity(TENANT, SHOP_ID)).contains(stored);
    }

    @Test
    void updateAndMerge_throughTheCache_areSeenAtOnce() {
        Customer survivor = cache.create(customer("c-1"));
        Customer merged = cache.create(customer("c-2").toBuilder().identity(SHOP_ID).build());
        cache.findById(TENANT, survivor.id());
        cache.findByIdentity(TENANT, SHOP_ID);

        Customer v2 = cache.update(survivor.toBuilder().tag("vip").build());
        assertThat(cache.findById(TENANT, survivor.id())).contains(v2);

        Customer v3 = cache.merge(v2.toBuilder().identity(SHOP_ID).build(), merged.version(),
                new MergeRecord(TENANT, v2.id(), merged.id(), T0, merged, new TreeMap<>()));
        assertThat(cache.findById(TENANT, survivor.id())).contains(v3);
        assertThat(cache.findById(TENANT, merged.id())).isEmpty();
        assertThat(cache.findByIdentity(TENANT, SHOP_ID)).contains(v3);
    }

    @Test
    void update_thatFailsAfterTheDelegateWrote_leavesNoStaleEntry() {
        CountingCustomerStore flaky = new CountingCustomerStore() {
            @Override
            public Customer update(Customer customer) {
                super.update(customer);
                throw new IllegalStateException("connection lost after commit");
            }
        };
        CachingCustomerStore flakyCache = CachingCustomerStore.of(flaky);
        Customer v1 = flaky.target.create(customer("c-1"));
        assertThat(flakyCache.findById(TENANT, v1.id())).contains(v1);

        assertThatThrownBy(() -> flakyCache.update(v1.toBuilder().tag("vip").build()))
                .isInstanceOf(IllegalStateException.class);

        assertThat(flakyCache.findById(TENANT, v1.id()))
                .contains(flaky.target.findById(TENANT, v1.id()).orElseThrow());
        assertThat(flakyCache.findById(TENANT, v1.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void refusedWrite_keepsServingTheStoredCustomer() {
        Customer v1 = cache.create(customer("c-1"));
        Customer v2 = cache.update(v1.toBuilder().tag("vip").build());

        assertThatThrownBy(() -> cache.update(v1.toBuilder().tag("stale").build()))
                .isInstanceOf(ConcurrentModificationException.class);

        assertThat(cache.findById(TENANT, v1.id())).contains(v2);
    }

    @Test
    void writesBypassingTheCache_areNotSeen_untilInvalidateAll() {
        Customer v1 = cache.create(customer("c-1"));
        cache.findById(TENANT, v1.id());

        Customer v2 = delegate.update(v1.toBuilder().tag("vip").build());

        assertThat(cache.findById(TENANT, v1.id())).contains(v1);
        cache.invalidateAll();
        assertThat(cache.findById(TENANT, v1.id())).contains(v2);
    }

    @Test
    void writesBypassingTheCache_areSeenOnceTheDefaultExpiryOfOneSecondPassed() {
        AtomicLong nanos = new AtomicLong();
        CachingCustomerStore expiring = CachingCustomerStore.builder(delegate).ticker(nanos::get).build();
        Customer v1 = expiring.create(customer("c-1").toBuilder().identity(SHOP_ID).build());
        expiring.findById(TENANT, v1.id());
        expiring.findByIdentity(TENANT, SHOP_ID);
        Customer v2 = delegate.update(v1.toBuilder().tag("vip").removeIdentity(SHOP_ID).build());

        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(expiring.findById(TENANT, v1.id())).contains(v1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(expiring.findById(TENANT, v1.id())).contains(v2);
        assertThat(expiring.findByIdentity(TENANT, SHOP_ID)).isEmpty();
        assertThat(CachingCustomerStore.DEFAULT_EXPIRE_AFTER_WRITE).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void erasure_isOffered_exactlyWhenTheDelegateOffersIt() {
        CachingCustomerStore erasing = CachingCustomerStore.of(new InMemoryCustomerStore());

        assertThat(erasing).isInstanceOf(CustomerErasure.class);
        assertThat(erasing.capability(CustomerErasure.class)).get().isSameAs(erasing);
        assertThat(cache).isNotInstanceOf(CustomerErasure.class);
        assertThat(cache.capability(CustomerErasure.class)).isEmpty();
    }

    @Test
    void erasure_isOffered_whenTheDelegateOffersItThroughCapabilityOnly_andGoesThroughTheCache() {
        InMemoryCustomerStore target = new InMemoryCustomerStore();
        AtomicInteger erasures = new AtomicInteger();
        CustomerErasure counting = (tenant, id) -> {
            erasures.incrementAndGet();
            return target.erase(tenant, id);
        };
        CountingCustomerStore offering = new CountingCustomerStore() {
            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return type == CustomerErasure.class ? Optional.of(type.cast(counting)) : super.capability(type);
            }
        };
        CachingCustomerStore caching = CachingCustomerStore.of(offering);
        Customer stored = caching.create(customer("c-1"));
        caching.findById(TENANT, stored.id());

        CustomerErasure erasure = caching.capability(CustomerErasure.class).orElseThrow();
        erasure.erase(TENANT, stored.id());

        assertThat((Object) erasure).isSameAs(caching);
        assertThat(erasures).hasValue(1);
        assertThat(caching.cached()).doesNotContain(Optional.of(stored));
    }

    @Test
    void capability_passesTheDelegatesCapabilitiesThrough() {
        SegmentQueryCapability query = (tenant, segment, now, zone, scores) -> Set.of(CustomerId.of("c-9"));
        CountingCustomerStore querying = CountingCustomerStore.answering(query);
        CachingCustomerStore caching = CachingCustomerStore.of(querying);

        assertThat(caching.capability(SegmentQueryCapability.class)).containsSame(query);
        assertThat(caching.capability(CustomerStore.class)).containsSame(caching);
        assertThat(caching.capability(CountingCustomerStore.class)).containsSame(querying);
        assertThat(cache.capability(SegmentQueryCapability.class)).isEmpty();
        assertThatThrownBy(() -> cache.capability(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void erase_throughTheCache_isSeenAtOnce() {
        CachingCustomerStore erasing = CachingCustomerStore.of(new InMemoryCustomerStore());
        Customer stored = erasing.create(customer("c-1").toBuilder().identity(SHOP_ID).build());
        erasing.findById(TENANT, stored.id());
        erasing.findByIdentity(TENANT, SHOP_ID);

        assertThat(erasing.capability(CustomerErasure.class).orElseThrow().erase(TENANT, stored.id()).any())
                .isTrue();

        assertThat(erasing.findById(TENANT, stored.id())).isEmpty();
        assertThat(erasing.findByIdentity(TENANT, SHOP_ID)).isEmpty();
    }

    /**
     * Z was merged into W and W into X by another engine (past this cache), which still holds Z's and W's
     * identities as naming them; X's former identity was looked up in vain. Erasing X leaves nothing of the person in
     * the cache, neither as a key nor as a value, and keeps what it holds of others.
     */
    @Test
    void erase_leavesNoneOfThePersonsDataInTheCache_keysIncluded() {
        InMemoryCustomerStore target = new InMemoryCustomerStore();
        CachingCustomerStore erasing = CachingCustomerStore.of(target);
        ExternalIdentity xId = ExternalIdentity.of("webshop", "secret-x");
        ExternalIdentity wId = ExternalIdentity.of("webshop", "secret-w");
        ExternalIdentity zId = ExternalIdentity.of("webshop", "secret-z");
        ExternalIdentity formerId = ExternalIdentity.of("webshop", "secret-former");
        Customer x = erasing.create(person("c-x").toBuilder().identity(xId).build());
        Customer w = erasing.create(person("c-w").toBuilder().identity(wId).build());
        Customer z = erasing.create(person("c-z").toBuilder().identity(zId).build());
        Customer keeper = erasing.create(customer("c-keeper").toBuilder().identity(SHOP_ID).build());
        for (ExternalIdentity identity : List.of(xId, wId, zId, formerId, SHOP_ID)) {
            erasing.findByIdentity(TENANT, identity);
        }
        Customer w2 = target.merge(w, z.version(), new MergeRecord(TENANT, w.id(), z.id(), T0, z, new TreeMap<>()));
        target.merge(x, w2.version(), new MergeRecord(TENANT, x.id(), w2.id(), T0, w2, new TreeMap<>()));
        assertThat(erasing.cached()).anySatisfy(o -> assertThat(o.toString()).contains("secret"));

        CustomerErasure.Erased erased = erasing.capability(CustomerErasure.class).orElseThrow()
                .erase(TENANT, x.id());

        assertThat(erased.merged()).containsExactly(w.id(), z.id());
        assertThat(erasing.cached()).isNotEmpty().noneSatisfy(o -> assertThat(o.toString())
                .containsAnyOf("secret", "Zed", "c-x", "c-w", "c-z"));
        assertThat(erasing.cached()).contains(Optional.of(keeper.id()));
        assertThat(erasing.findByIdentity(TENANT, SHOP_ID)).contains(keeper);
    }

    private static Customer person(String id) {
        return Customer.builder(TENANT, CustomerId.of(id), Person.named("Zed", id), T0).build();
    }

    @Test
    void builder_checksEachOptionWhenSet() {
        assertThatThrownBy(() -> CachingCustomerStore.builder(delegate).maximumSize(0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("maximumSize"));
        assertThatThrownBy(() -> CachingCustomerStore.builder(delegate).maximumSize(10).maximumSize(20))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CachingCustomerStore.builder(delegate).expireAfterWrite(Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expireAfterWrite"));
        assertThatThrownBy(() -> CachingCustomerStore.builder(delegate).expireAfterWrite(Duration.ofSeconds(-1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CachingCustomerStore.builder(delegate).expireAfterWrite(Duration.ofSeconds(2))
                .expireAfterWrite(Duration.ofSeconds(3))).isInstanceOf(ValidationException.class);
        assertThat(CachingCustomerStore.builder(delegate).maximumSize(1).expireAfterWrite(Duration.ofMinutes(5))
                .build()).isNotNull();
    }

    @Test
    @Timeout(60)
    void concurrentReadsAndWrites_leaveNoStaleEntry() throws Exception {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(cache.create(customer("c-" + i)).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int k = 0; k < 2_000; k++) {
                        CustomerId id = ids.get((k + writer) % ids.size());
                        Customer read = delegate.findById(TENANT, id).orElseThrow();
                        try {
                            cache.update(read.toBuilder().owner("rep-" + writer + "-" + k).build());
                        } catch (ConcurrentModificationException e) {
                            // the other writer won this one; the next iteration reads again
                        }
                    }
                }));
            }
            for (int r = 0; r < 6; r++) {
                work.add(pool.submit(() -> {
                    for (int k = 0; k < 20_000; k++) {
                        cache.findById(TENANT, ids.get(k % ids.size()));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (CustomerId id : ids) {
            assertThat(cache.findById(TENANT, id)).isEqualTo(delegate.findById(TENANT, id));
        }
    }
}
