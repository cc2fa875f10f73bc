package org.crmkit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventSink;
import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.RecordingSink;
import org.junit.jupiter.api.Test;

class EventRelayTest {
    static final TenantId T = TenantId.of("t1");

    final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T09:00:00Z"));
    final Storage storage = new InMemoryStorage();

    Crm.Builder engine(long seed, EventSink sink) {
        return Crm.builder().storage(storage).clock(clock).seed(seed).eventRelayThread(false).eventSink(sink)
                .eventRetry(Duration.ofSeconds(1), Duration.ofSeconds(8));
    }

    Customer register(Crm crm, String name) {
        return crm.customers().register(T, Person.named(name, "X"), b -> b);
    }

    /** A sink that fails for the customers named in {@code failing}, and records what it takes. */
    static final class FlakySink implements EventSink {
        final Set<CustomerId> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<DomainEvent> taken = new CopyOnWriteArrayList<>();

        @Override
        public void publish(DomainEvent event) {
            if (event instanceof DomainEvent.CustomerCreated c && failing.contains(c.customer().id())
                    || event instanceof DomainEvent.CustomerUpdated u && failing.contains(u.customer().id())) {
                throw new IllegalStateException("bus down for this key");
            }
            taken.add(event);
        }
    }

    @Test
    void aFailingEvent_holdsBackItsCustomersLaterEvents_butNotOtherCustomers_andIsRetriedWithBackOff() {
        FlakySink sink = new FlakySink();
        try (Crm crm = engine(1, sink).build()) {
            Customer ann = register(crm, "Ann");
            assertThat(crm.events().flush()).isEqualTo(1);
            sink.failing.add(ann.id());
            Customer annChanged = crm.customers().modify(T, ann.id(), b -> b.tag("vip"));
            crm.customers().modify(T, ann.id(), b -> b.tag("held-back"));
            Customer bob = register(crm, "Bob");

            assertThat(crm.events().flush()).isEqualTo(1);
            assertThat(sink.taken).extracting(DomainEvent::orderingKey)
                    .containsExactly(key(ann.id()), key(bob.id()));
            assertThat(crm.events().backlog().count()).isEqualTo(2);

            sink.failing.clear();
            clock.advance(Duration.ofMillis(999));
            assertThat(crm.events().flush()).as("not due before its back-off").isZero();
            clock.advance(Duration.ofMillis(1));
            assertThat(crm.events().flush()).isEqualTo(2);
            assertThat(sink.taken.subList(2, 4)).extracting(e -> ((DomainEvent.CustomerUpdated) e).customer()
                    .version()).containsExactly(annChanged.version(), annChanged.version() + 1);
            assertThat(crm.events().backlog()).isEqualTo(new EventBacklog(0, java.util.Optional.empty()));
        }
    }

    @Test
    void theBackOff_doublesWithEveryAttempt_upToTheMaximum() {
        FlakySink sink = new FlakySink();
        try (Crm crm = engine(2, sink).build()) {
            sink.failing.add(register(crm, "Ann").id());
            long[] waits = {1, 2, 4, 8, 8};
            for (long wait : waits) {
                assertThat(crm.events().flush()).isZero();
                clock.advance(Duration.ofSeconds(wait).minusMillis(1));
                assertThat(crm.events().flush()).as("before %d s", wait).isZero();
                clock.advance(Duration.ofMillis(1));
            }
            sink.failing.clear();
            assertThat(crm.events().flush()).isEqualTo(1);
        }
    }

    @Test
    void undeliveredEvents_surviveTheEngine_andAnotherEngineOnTheStorageDeliversThem() {
        FlakySink down = new FlakySink();
        Customer ann;
        try (Crm first = engine(3, down).build()) {
            ann = register(first, "Ann");
            down.failing.add(ann.id());
            first.events().flush();
        }
        RecordingSink later = new RecordingSink();
        clock.advance(Duration.ofMinutes(1));
        try (Crm second = later.of(engine(4, later).build())) {
            assertThat(second.events().backlog().count()).isEqualTo(1);
            assertThat(later.events()).singleElement().isInstanceOfSatisfying(DomainEvent.CustomerCreated.class,
                    e -> assertThat(e.customer()).isEqualTo(ann));
        }
    }

    @Test
    void twoEnginesOnOneStorage_oneRelaysAtATime_andTheOtherTakesOverWhenItStops() {
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        Crm first = engine(5, a).build();
        try (Crm second = engine(6, b).build()) {
            register(first, "Ann");
            register(second, "Bob");
            assertThat(first.events().flush()).isEqualTo(2);
            register(second, "Cid");
            assertThat(second.events().flush()).as("the lease is the first engine's").isZero();
            first.close();
            assertThat(a.events()).as("delivered when the first engine closed").hasSize(3);
            register(second, "Dan");
            assertThat(second.events().flush()).isEqualTo(1);
            assertThat(b.events()).singleElement().isInstanceOfSatisfying(DomainEvent.CustomerCreated.class,
                    e -> assertThat(e.customer().party()).isEqualTo(Person.named("Dan", "X")));
        }
    }

    @Test
    void aFailedWrite_writesNoEvent() {
        RecordingSink sink = new RecordingSink();
        try (Crm crm = sink.of(engine(7, sink).build())) {
            crm.customers().register(T, Person.named("Ann", "X"), b -> b.identity(ExternalIdentity.of("erp", "1")));
            assertThatThrownBy(() -> crm.customers().register(T, Person.named("Bob", "X"),
                    b -> b.identity(ExternalIdentity.of("erp", "1")))).isInstanceOf(DuplicateKeyException.class);
            assertThat(sink.events()).singleElement().isInstanceOf(DomainEvent.CustomerCreated.class);
        }
    }

    @Test
    void listeners_receiveTheirType_inOrder_untilTheyUnsubscribe() {
        try (Crm crm = engine(8, EventSink.NONE).build()) {
            List<DomainEvent> all = new CopyOnWriteArrayList<>();
            List<DomainEvent.CustomerUpdated> updates = new CopyOnWriteArrayList<>();
            Subscription everything = crm.events().subscribe(DomainEvent.class, all::add);
            crm.events().subscribe(DomainEvent.CustomerUpdated.class, updates::add);
            Customer ann = register(crm, "Ann");
            crm.customers().modify(T, ann.id(), b -> b.tag("a"));
            crm.customers().modify(T, ann.id(), b -> b.tag("b"));
            crm.events().flush();
            everything.close();
            crm.customers().modify(T, ann.id(), b -> b.tag("c"));
            crm.events().flush();

            assertThat(all).hasSize(3);
            assertThat(updates).extracting(e -> e.customer().version()).containsExactly(2L, 3L, 4L);
        }
    }

    @Test
    void aFailingListener_getsTheEventAgain_andHoldsBackItsCustomer() {
        AtomicBoolean broken = new AtomicBoolean(true);
        RecordingSink sink = new RecordingSink();
        try (Crm crm = engine(9, sink).build()) {
            List<DomainEvent> heard = new CopyOnWriteArrayList<>();
            crm.events().subscribe(DomainEvent.CustomerCreated.class, e -> {
                if (broken.get()) {
                    throw new IllegalStateException("listener down");
                }
                heard.add(e);
            });
            Customer ann = register(crm, "Ann");
            crm.customers().modify(T, ann.id(), b -> b.tag("a"));
            assertThat(crm.events().flush()).isZero();
            broken.set(false);
            clock.advance(Duration.ofSeconds(1));
            assertThat(crm.events().flush()).isEqualTo(2);
            assertThat(heard).hasSize(1);
            assertThat(sink.events()).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("CustomerCreated", "CustomerCreated", "CustomerUpdated");
        }
    }

    @Test
    void theBacklog_saysHowManyWait_andSinceWhen() {
        FlakySink sink = new FlakySink();
        try (Crm crm = engine(10, sink).build()) {
            sink.failing.add(register(crm, "Ann").id());
            clock.advance(Duration.ofSeconds(30));
            register(crm, "Bob");
            assertThat(crm.events().backlog()).isEqualTo(new EventBacklog(2,
                    java.util.Optional.of(Duration.ofSeconds(30))));
            crm.events().flush();
            assertThat(crm.events().backlog().count()).isEqualTo(1);
        }
    }

    @Test
    void theRelayThread_deliversWithoutBeingAsked() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (Crm crm = Crm.builder().storage(storage).clock(clock).seed(11).eventSink(sink).build()) {
            register(crm, "Ann");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sink.events().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(sink.events()).hasSize(1);
        }
    }

    private static String key(CustomerId id) {
        return T.value() + "|customer:" + id.value();
    }
}
