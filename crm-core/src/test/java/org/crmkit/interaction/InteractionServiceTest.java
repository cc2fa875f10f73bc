package org.crmkit.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crmkit.Crm;
import org.crmkit.customer.Revenue;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.Money;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.storage.ForwardingStorage;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.RecordingSink;
import org.junit.jupiter.api.Test;

class InteractionServiceTest {
    static final TenantId T = TenantId.of("t1");

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    final RecordingSink sink = new RecordingSink();
    final Crm crm = sink.of(Crm.builder().clock(clock).seed(11).eventSink(sink).build());

    Interaction pageView(Subject subject, String externalId) {
        return Interaction.builder(T, crm.interactions().newId(), subject, Channel.WEB, InteractionType.PAGE_VIEW,
                clock.instant().minus(Duration.ofMinutes(5))).source("webshop", externalId).build();
    }

    @Test
    void record_stampsRecordedAtAndPublishesOnce() {
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        Interaction pv = pageView(Subject.customer(ann.id()), "pv-1");

        AppendResult first = crm.interactions().record(pv);
        AppendResult second = crm.interactions().record(pageView(Subject.customer(ann.id()), "pv-1"));

        assertThat(first.appended()).isTrue();
        assertThat(first.interaction().recordedAt()).isEqualTo(clock.instant());
        assertThat(second.appended()).isFalse();
        assertThat(second.interaction()).isEqualTo(first.interaction());
        assertThat(sink.events(DomainEvent.InteractionRecorded.class)).singleElement()
                .satisfies(e -> assertThat(e.interaction()).isEqualTo(first.interaction()));
    }

    @Test
    void record_forAnUnknownCustomer_failsAndStoresNothing() {
        assertThatThrownBy(() -> crm.interactions().record(pageView(Subject.customer(CustomerId.of("ghost")), "x")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("customer"));
        assertThat(crm.storage().interactions().count(T)).isZero();
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void record_forAMergedCustomer_goesToTheSurvivor() {
        Customer a = crm.customers().register(T, Person.named("A", "A"), b -> b);
        Customer b = crm.customers().register(T, Person.named("B", "B"), x -> x);
        crm.customers().merge(T, a.id(), b.id());
        Interaction stored = crm.interactions().record(pageView(Subject.customer(b.id()), "pv")).interaction();
        assertThat(stored.subject()).isEqualTo(Subject.customer(a.id()));
    }

    @Test
    void identify_movesTheVisitorsEarlierInteractions_andRoutesLaterOnes() {
        VisitorId visitor = VisitorId.of("cookie-1");
        crm.interactions().record(pageView(Subject.visitor(visitor), "pv-1"));
        crm.interactions().record(pageView(Subject.visitor(visitor), "pv-2"));
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);

        Customer identified = crm.customers().identify(T, visitor, ann.id());
        Interaction later = crm.interactions().record(pageView(Subject.visitor(visitor), "pv-3")).interaction();

        assertThat(identified.identities()).contains(ExternalIdentity.of("web_visitor", "cookie-1"));
        assertThat(later.subject()).isEqualTo(Subject.customer(ann.id()));
        assertThat(crm.interactions().find(T, Subject.customer(ann.id()), InteractionQuery.all()).items())
                .hasSize(3);
        assertThat(crm.interactions().find(T, Subject.visitor(visitor), InteractionQuery.all()).items()).isEmpty();
        assertThat(sink.events(DomainEvent.InteractionsReassigned.class)).singleElement()
                .satisfies(e -> assertThat(e.count()).isEqualTo(2));
    }

    @Test
    void identify_isIdempotent() {
        VisitorId visitor = VisitorId.of("cookie-1");
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        Customer once = crm.customers().identify(T, visitor, ann.id());
        Customer twice = crm.customers().identify(T, visitor, ann.id());
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void view_derivesFiguresAndShowsRecentPerChannelNewestFirst() {
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        Subject s = Subject.customer(ann.id());
        Instant t0 = clock.instant();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofHours(1));
            crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), s, Channel.WEB,
                    InteractionType.PAGE_VIEW, clock.instant()).source("web", "pv" + i).build());
        }
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), s, Channel.WEB,
                InteractionType.ORDER_PLACED, clock.instant()).amount(Money.of("100.00", "EUR"))
                .source("shop", "o1").build());
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), s, Channel.PHONE,
                InteractionType.ORDER_PLACED, clock.instant()).amount(Money.of("5000", "JPY"))
                .source("shop", "o2").build());
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), s, Channel.WEB,
                InteractionType.ORDER_RETURNED, clock.instant()).amount(Money.of("-30.00", "EUR"))
                .source("shop", "r1").build());
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), s, Channel.EMAIL,
                InteractionType.MESSAGE_SENT, clock.instant()).direction(
                        org.crmkit.spi.interaction.Direction.OUTBOUND).source("mailer", "m1").build());

        var view = crm.customers().view(T, ann.id(), 2);

        assertThat(view.figures().interactions()).isEqualTo(9);
        assertThat(view.figures().orders()).isEqualTo(2);
        assertThat(view.figures().revenue()).extracting(Revenue::toString).containsExactly("70.00 EUR", "5000 JPY");
        assertThat(view.figures().firstContact()).contains(t0.plus(Duration.ofHours(1)));
        assertThat(view.figures().preferredChannel()).contains(Channel.WEB);
        assertThat(view.recent().keySet()).containsExactly(Channel.PHONE, Channel.EMAIL, Channel.WEB);
        assertThat(view.recent().get(Channel.WEB).items()).hasSize(2);
        assertThat(view.recent().get(Channel.WEB).items().get(0).occurredAt())
                .isAfterOrEqualTo(view.recent().get(Channel.WEB).items().get(1).occurredAt());
        assertThat(view.recent().get(Channel.WEB).hasNext()).isTrue();
        assertThat(view.recent().get(Channel.EMAIL).hasNext()).isFalse();
    }

    @Test
    void recordAll_recordsEachAsRecordWould_inOneUnit() {
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        Customer old = crm.customers().register(T, Person.named("Ann", "Old"), b -> b);
        crm.customers().merge(T, ann.id(), old.id());
        VisitorId visitor = VisitorId.of("cookie-1");
        crm.customers().identify(T, visitor, ann.id());
        crm.interactions().record(pageView(Subject.customer(ann.id()), "seen"));

        List<AppendResult> results = crm.interactions().recordAll(List.of(
                pageView(Subject.customer(ann.id()), "b-1"),
                pageView(Subject.customer(old.id()), "b-2"),
                pageView(Subject.visitor(visitor), "b-3"),
                pageView(Subject.visitor(VisitorId.of("stranger")), "b-4"),
                pageView(Subject.customer(ann.id()), "seen")));

        assertThat(results).extracting(AppendResult::appended).containsExactly(true, true, true, true, false);
        assertThat(results.subList(0, 3)).allSatisfy(r -> assertThat(r.interaction().subject())
                .isEqualTo(Subject.customer(ann.id())));
        assertThat(results.get(3).interaction().subject()).isEqualTo(Subject.visitor(VisitorId.of("stranger")));
        assertThat(results.get(0).interaction().recordedAt()).isEqualTo(clock.instant());
        assertThat(sink.events(DomainEvent.InteractionRecorded.class)).hasSize(5);
    }

    @Test
    void recordAll_appendsTheBatchInOneCall_andAnnouncesEachStoredOneInOrder() {
        InMemoryStorage memory = new InMemoryStorage();
        List<String> writes = new CopyOnWriteArrayList<>();
        InteractionStore watched = (InteractionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {InteractionStore.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("append")) {
                        writes.add(method.getName());
                    }
                    try {
                        return method.invoke(memory.interactions(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        RecordingSink events = new RecordingSink();
        Crm watching = events.of(Crm.builder().clock(clock).seed(11).eventSink(events)
                .storage(new ForwardingStorage(memory) {
                    @Override
                    public InteractionStore interactions() {
                        return watched;
                    }
                }).build());
        Customer ann = watching.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        Subject annSubject = Subject.customer(ann.id());
        Interaction first = pageView(annSubject, "b-1");

        List<AppendResult> results = watching.interactions().recordAll(List.of(first, pageView(annSubject, "b-2"),
                pageView(annSubject, "b-1"), pageView(annSubject, "b-3")));

        assertThat(writes).containsExactly("appendAll");
        assertThat(results).extracting(AppendResult::appended).containsExactly(true, true, false, true);
        assertThat(results.get(2).interaction()).isEqualTo(results.get(0).interaction());
        assertThat(results.get(0).interaction().id()).isEqualTo(first.id());
        assertThat(events.events(DomainEvent.InteractionRecorded.class))
                .extracting(DomainEvent.InteractionRecorded::interaction).containsExactly(
                        results.get(0).interaction(), results.get(1).interaction(), results.get(3).interaction());
    }

    @Test
    void recordAll_isAllOrNothing() {
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        Interaction taken = pageView(Subject.customer(ann.id()), "first");
        crm.interactions().record(taken);
        int events = sink.events().size();
        Interaction sameIdOtherKey = Interaction.builder(T, taken.id(), Subject.customer(ann.id()), Channel.WEB,
                InteractionType.PAGE_VIEW, clock.instant()).source("webshop", "other").build();

        assertThatThrownBy(() -> crm.interactions().recordAll(List.of(pageView(Subject.customer(ann.id()), "ok"),
                sameIdOtherKey))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> crm.interactions().recordAll(List.of(pageView(Subject.customer(ann.id()), "ok"),
                pageView(Subject.customer(CustomerId.of("ghost")), "ghost")))).isInstanceOf(NotFoundException.class);

        assertThat(crm.storage().interactions().count(T)).isEqualTo(1);
        assertThat(sink.events()).hasSize(events);
    }

    @Test
    void recordAll_refusesAnOversizedBatch_andTakesAnEmptyOne() {
        assertThat(crm.interactions().recordAll(List.of())).isEmpty();
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        List<Interaction> tooMany = java.util.stream.IntStream.rangeClosed(0, InteractionService.MAX_BATCH)
                .mapToObj(i -> pageView(Subject.customer(ann.id()), "x" + i)).toList();
        assertThatThrownBy(() -> crm.interactions().recordAll(tooMany)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("batch"));
    }
}
