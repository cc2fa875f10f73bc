package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManagerFactory;
import org.crmkit.Crm;
import org.crmkit.consent.ContactDecision;
import org.crmkit.consent.DenialReason;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two application nodes on one database, each a {@code Crm} with its own entity manager factory: what one writes
 * the other reads; an opt-out recorded on one stops sends from the other within its staleness bound; the relays of
 * both deliver every event exactly once; a merge on one and records on the other strand no interaction.
 */
abstract class TwoNodesTest {
    static final TenantId T = TenantId.of("nodes");
    static final ConsentScope NEWSLETTER = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    final Map<EventId, Integer> delivered = new ConcurrentHashMap<>();
    EntityManagerFactory second;
    Crm a;
    Crm b;

    abstract EntityManagerFactory first();

    abstract EntityManagerFactory anotherNode();

    @BeforeEach
    void nodes() {
        a = node(first(), 1, Duration.ofSeconds(1));
        second = anotherNode();
        b = node(second, 2, Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        second.close();
    }

    private Crm node(EntityManagerFactory factory, long seed, Duration staleness) {
        return Crm.builder().storage(JpaStorage.of(factory, Databases.EVENTS)).clock(clock).seed(seed)
                .staleness(staleness).eventRelayThread(false).consentKey(KEY)
                .eventSink(event -> delivered.merge(event.id(), 1, Integer::sum)).build();
    }

    private CustomerId register(Crm crm, String who) {
        return crm.customers().register(T, Person.named(who, "Lee"), x -> x.contactPoint(
                ContactPoint.of(EmailAddress.parse(who + "@example.com"), ContactUsage.HOME).asPrimary()
                        .asVerified()).identity(ExternalIdentity.of("shop", who))).id();
    }

    private Evidence form() {
        return Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"), clock.instant(),
                Wording.version("nl-1"));
    }

    @Test
    void whatOneNodeWrites_theOtherReads() {
        CustomerId ann = register(a, "ann");
        assertThat(b.customers().find(T, ann)).isEqualTo(a.customers().find(T, ann)).isPresent();
        Customer changed = a.customers().modify(T, ann, x -> x.tag("vip"));
        assertThat(b.customers().find(T, ann)).contains(changed);
        assertThat(b.customers().findByIdentity(T, ExternalIdentity.of("shop", "ann"))).contains(changed);
        assertThat(b.customers().findByEmail(T, "Ann@Example.com")).containsExactly(changed);
    }

    @Test
    void segmentsArePushedDownToTheDatabase_unlessTheyCallAFunction_andBothNodesAgree() {
        CustomerId ann = register(a, "ann");
        register(b, "bob");
        a.customers().modify(T, ann, x -> x.tag("vip"));
        for (Crm node : List.of(a, b)) {
            node.analytics().catalog(T).define("vips", "tags contains \"vip\" and not score(\"rfm.recency\") < 3");
            node.analytics().catalog(T).define("reachable_vips", "segment(\"vips\") and can_contact(email, newsletter)");
        }

        for (Crm node : List.of(a, b)) {
            assertThat(node.analytics().pushdownRefusal(T, "vips")).isEmpty();
            assertThat(node.analytics().members(T, "vips")).containsExactly(ann);
            assertThat(node.analytics().pushdownRefusal(T, "reachable_vips")).hasValueSatisfying(reason ->
                    assertThat(reason).startsWith("FunctionCall: can_contact"));
        }
        assertThat(b.analytics().members(T, "reachable_vips")).isEqualTo(a.analytics().members(T, "reachable_vips"));
    }

    @Test
    void anOptOutOnOneNode_stopsSendsFromTheOther_withinTheStalenessBound() {
        CustomerId ann = register(a, "ann");
        a.consents().optIn(T, ann, NEWSLETTER, Capture.TICKED_BOX, form());
        clock.advance(Duration.ofSeconds(1));
        assertThat(newsletter(b, ann).isAllowed()).isTrue();

        a.consents().optOut(T, ann, NEWSLETTER, form());
        clock.advance(Duration.ofSeconds(1));
        assertThat(newsletter(b, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
    }

    @Test
    @Timeout(120)
    void theRelaysOfBothNodes_deliverEveryEventExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (Crm crm : List.of(a, b)) {
                String prefix = crm == a ? "a" : "b";
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        register(crm, prefix + i);
                    }
                }));
            }
            AtomicInteger passes = new AtomicInteger();
            List<Future<?>> relays = new ArrayList<>();
            for (Crm crm : List.of(a, b)) {
                relays.add(pool.submit(() -> {
                    while (writers.stream().anyMatch(w -> !w.isDone()) || passes.get() < 4) {
                        crm.events().flush();
                        passes.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get(100, TimeUnit.SECONDS);
            }
            for (Future<?> f : relays) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        a.events().flush();
        b.events().flush();
        assertThat(delivered).hasSize(50);
        assertThat(delivered.values()).containsOnly(1);
        assertThat(a.events().backlog().count()).isZero();
    }

    @Test
    @Timeout(120)
    void aMergeOnOneNode_andRecordsOnTheOther_strandNoInteraction() throws Exception {
        CustomerId ann = register(a, "ann");
        CustomerId dup = register(a, "anne");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> records = pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    b.interactions().record(Interaction.builder(T, b.interactions().newId(), Subject.customer(dup),
                            Channel.WEB, InteractionType.ORDER_PLACED, clock.instant())
                            .amount(Money.of("10.00", "EUR")).source("shop", "o" + i).build());
                }
            });
            Thread.sleep(20);
            a.customers().merge(T, ann, dup);
            records.get(100, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.storage().interactions().find(T, Subject.customer(dup), InteractionQuery.all()).items())
                .isEmpty();
        assertThat(a.storage().interactions().find(T, Subject.customer(ann), InteractionQuery.all().withLimit(100))
                .items()).hasSize(40);
    }

    private static ContactDecision newsletter(Crm crm, CustomerId id) {
        return crm.consents().decide(T, id, ConsentChannel.EMAIL, Purpose.NEWSLETTER);
    }

}
