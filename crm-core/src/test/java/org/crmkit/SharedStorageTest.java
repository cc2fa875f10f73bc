package org.crmkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

/** Two engines on one storage: what one writes, the other's lookups see within its staleness bound. */
class SharedStorageTest {
    static final TenantId T = TenantId.of("shared");

    final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T08:00:00Z"));
    final Storage storage = new InMemoryStorage();

    Crm engine(long seed, Duration staleness, boolean cache) {
        Crm.Builder b = Crm.builder().storage(storage).clock(clock).seed(seed).staleness(staleness)
                .eventRelayThread(false);
        return (cache ? b.customerCache(1_000) : b).build();
    }

    @Test
    void withoutACache_lookupsReadThrough_andSeeTheOtherEnginesWritesAtOnce() {
        try (Crm a = engine(1, Duration.ofSeconds(1), false); Crm b = engine(2, Duration.ofSeconds(1), false)) {
            Customer ann = a.customers().register(T, Person.named("Ann", "Lee"), x -> x
                    .identity(ExternalIdentity.of("shop", "1")));
            assertThat(b.customers().find(T, ann.id())).contains(ann);
            Customer changed = a.customers().modify(T, ann.id(), x -> x.tag("vip"));
            assertThat(b.customers().find(T, ann.id())).contains(changed);
            assertThat(b.customers().findByIdentity(T, ExternalIdentity.of("shop", "1"))).contains(changed);
        }
    }

    @Test
    void aCachingEngine_seesTheOtherEnginesWrites_onceItsStalenessBoundHasPassed() {
        try (Crm writer = engine(1, Duration.ofSeconds(1), false);
             Crm cached = engine(2, Duration.ofSeconds(1), true)) {
            Customer ann = writer.customers().register(T, Person.named("Ann", "Lee"), x -> x
                    .identity(ExternalIdentity.of("shop", "1")));
            assertThat(cached.customers().find(T, ann.id())).contains(ann);
            assertThat(cached.customers().findByIdentity(T, ExternalIdentity.of("shop", "1"))).contains(ann);

            Customer changed = writer.customers().modify(T, ann.id(), x -> x.tag("vip"));
            clock.advance(Duration.ofMillis(999));
            assertThat(cached.customers().find(T, ann.id())).as("within the bound").contains(ann);
            clock.advance(Duration.ofMillis(1));
            assertThat(cached.customers().find(T, ann.id())).contains(changed);
            assertThat(cached.customers().findByIdentity(T, ExternalIdentity.of("shop", "1"))).contains(changed);
        }
    }

    @Test
    void aCachingEngine_seesItsOwnWritesAtOnce() {
        try (Crm cached = engine(1, Duration.ofSeconds(1), true)) {
            Customer ann = cached.customers().register(T, Person.named("Ann", "Lee"), x -> x);
            assertThat(cached.customers().find(T, ann.id())).contains(ann);
            Customer changed = cached.customers().modify(T, ann.id(), x -> x.tag("vip"));
            assertThat(cached.customers().find(T, ann.id())).contains(changed);
        }
    }

    @Test
    void aStalenessOfZero_readsThrough_evenWithACacheAskedFor() {
        try (Crm writer = engine(1, Duration.ZERO, false); Crm cached = engine(2, Duration.ZERO, true)) {
            Customer ann = writer.customers().register(T, Person.named("Ann", "Lee"), x -> x);
            assertThat(cached.customers().find(T, ann.id())).contains(ann);
            Customer changed = writer.customers().modify(T, ann.id(), x -> x.tag("vip"));
            assertThat(cached.customers().find(T, ann.id())).contains(changed);
            assertThat(cached.storage()).isSameAs(storage);
        }
    }
}
