package org.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.Crm;
import org.crmkit.consent.ContactDecision;
import org.crmkit.consent.DenialReason;
import org.crmkit.internal.Pages;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.CrmException;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.LockRuleStorage;

/**
 * Random interleavings of the writes that race — registers, records (for customer ids that may have been merged
 * away, and for visitors), modifications, merges, identifications of visitors, opt-outs — on 8 threads of one
 * engine. Afterwards: every interaction belongs to exactly one existing customer or to a visitor nobody was
 * identified as, the 360° views' totals equal the interactions stored, and every opt-out survives the merges of the
 * customer that gave it.
 */
class ConcurrentWritesProperties {
    private static final TenantId T = TenantId.of("race");
    private static final int THREADS = 8;
    private static final int CUSTOMERS = 12;
    private static final int VISITORS = 6;
    private static final ConsentScope POSTAL = ConsentScope.of(ConsentChannel.POSTAL_MAIL, Purpose.MARKETING);

    /** One random operation: its kind and two random numbers that pick its targets. */
    record Op(Kind kind, int a, int b) {
    }

    enum Kind { REGISTER, RECORD, RECORD_VISITOR, RECORD_ALL, MODIFY, MERGE, IDENTIFY, OPT_OUT }

    @Provide
    Arbitrary<List<List<Op>>> schedules() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(0, 999)).as(Op::new);
        return op.list().ofMinSize(20).ofMaxSize(60).list().ofSize(THREADS);
    }

    @Property(tries = 30)
    void concurrentWrites_loseNothing(@ForAll("schedules") List<List<Op>> schedule) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        LockRuleStorage storage = new LockRuleStorage(new InMemoryStorage());
        try (Crm crm = Crm.builder().storage(storage).clock(clock).seed(17).eventRelayThread(false)
                .consentKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)).build()) {
            List<CustomerId> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                ids.add(register(crm, "c" + i).id());
            }
            AtomicInteger appended = new AtomicInteger();
            ConcurrentLinkedQueue<CustomerId> optedOut = new ConcurrentLinkedQueue<>();
            run(schedule, op -> apply(crm, clock, op, ids, appended, optedOut));

            InteractionStore store = crm.storage().interactions();
            Map<Subject, Integer> bySubject = new HashMap<>();
            long total = 0;
            for (Interaction i : Pages.all(c -> store.scan(T, c, InteractionStore.MAX_PAGE_SIZE))) {
                bySubject.merge(i.subject(), 1, Integer::sum);
                total++;
                if (i.subject() instanceof Subject.Known k) {
                    assertThat(crm.storage().customers().findById(T, k.customer())).as("owner of %s", i.id())
                            .isPresent();
                } else {
                    VisitorId v = ((Subject.Anonymous) i.subject()).visitor();
                    assertThat(crm.customers().findByIdentity(T, CustomerService.visitorIdentity(v)))
                            .as("identified visitor %s still holds %s", v, i.id()).isEmpty();
                }
            }
            assertThat(total).isEqualTo(appended.get());
            assertThat(storage.broken).as("nested units naming locks their outer unit does not hold").isEmpty();
            for (Customer c : Pages.all(cur -> crm.storage().customers().scan(T, cur, 100))) {
                assertThat(crm.customers().view(T, c.id(), 5).figures().interactions())
                        .isEqualTo(bySubject.getOrDefault(Subject.customer(c.id()), 0).longValue());
            }
            for (CustomerId refuser : optedOut) {
                Customer now = crm.customers().get(T, refuser);
                ContactDecision d = crm.consents().decide(T, now.id(), ConsentChannel.POSTAL_MAIL,
                        Purpose.MARKETING);
                assertThat(d).as("%s opted out, now %s", refuser, now.id())
                        .isInstanceOfSatisfying(ContactDecision.Denied.class,
                                denied -> assertThat(denied.reasons()).contains(DenialReason.OPTED_OUT));
            }
        }
    }

    private static Customer register(Crm crm, String name) {
        return crm.customers().register(T, Person.named(name, "Race"), b -> b
                .contactPoint(ContactPoint.of(EmailAddress.parse(name + "@example.com"), ContactUsage.HOME))
                .contactPoint(ContactPoint.of(PostalAddress.of("1 " + name + " Street", "10115", "Berlin", "DE"),
                        ContactUsage.HOME)));
    }

    private static void apply(Crm crm, MutableClock clock, Op op, List<CustomerId> ids, AtomicInteger appended,
                              ConcurrentLinkedQueue<CustomerId> optedOut) {
        CustomerId a = ids.get(op.a() % ids.size());
        CustomerId b = ids.get(op.b() % ids.size());
        VisitorId visitor = VisitorId.of("v" + op.a() % VISITORS);
        try {
            switch (op.kind()) {
                case REGISTER -> ids.add(register(crm, "n" + op.a() + "x" + op.b() + "t"
                        + Thread.currentThread().getId()).id());
                case RECORD -> count(appended, crm.interactions().record(Interaction.builder(T,
                        crm.interactions().newId(), Subject.customer(a), Channel.WEB, InteractionType.ORDER_PLACED,
                        clock.instant()).amount(Money.of(op.b() + ".00", "EUR")).build()));
                case RECORD_VISITOR -> count(appended, crm.interactions().record(Interaction.builder(T,
                        crm.interactions().newId(), Subject.visitor(visitor), Channel.WEB, InteractionType.PAGE_VIEW,
                        clock.instant()).build()));
                case RECORD_ALL -> crm.interactions().recordAll(List.of(
                        Interaction.builder(T, crm.interactions().newId(), Subject.customer(a), Channel.EMAIL,
                                InteractionType.MESSAGE_OPENED, clock.instant()).build(),
                        Interaction.builder(T, crm.interactions().newId(), Subject.customer(b), Channel.EMAIL,
                                InteractionType.MESSAGE_OPENED, clock.instant()).build(),
                        Interaction.builder(T, crm.interactions().newId(), Subject.visitor(visitor), Channel.WEB,
                                InteractionType.PAGE_VIEW, clock.instant()).build()))
                        .forEach(result -> count(appended, result));
                case MODIFY -> crm.customers().modify(T, a, x -> x.tag("t" + op.b() % 5));
                case MERGE -> crm.customers().merge(T, a, b);
                case IDENTIFY -> crm.customers().identify(T, visitor, a);
                case OPT_OUT -> {
                    Optional<Customer> current = crm.customers().find(T, a);
                    if (current.isPresent()) {
                        crm.consents().optOut(T, current.get().id(), POSTAL, Evidence.of(
                                CaptureSource.of(CaptureSource.Kind.API, "race"), clock.instant()));
                        optedOut.add(a);
                    }
                }
                default -> throw new IllegalStateException();
            }
        } catch (CrmException expected) {
            // a merge of ids merged already, a visitor identified as another customer, an opt-out of a customer
            // merged away between the lookup and the write: refusals the operation documents
        }
    }

    private static void count(AtomicInteger appended, AppendResult result) {
        if (result.appended()) {
            appended.incrementAndGet();
        }
    }

    private static void run(List<List<Op>> schedule, java.util.function.Consumer<Op> apply) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (List<Op> ops : schedule) {
                futures.add(pool.submit(() -> {
                    go.await();
                    ops.forEach(apply);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
