package org.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.crmkit.Crm;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.RecordingSink;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MergeTest {
    static final TenantId T = TenantId.of("t1");

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    final RecordingSink sink = new RecordingSink();
    final AttributeSchema schema = AttributeSchema.of(
            AttributeDefinition.enumeration("tier", Set.of("bronze", "silver", "gold")),
            AttributeDefinition.of("note", org.crmkit.spi.ValueType.STRING));

    Crm crm(SurvivorshipPolicy policy) {
        return sink.of(Crm.builder().clock(clock).seed(3).eventSink(sink).attributeSchema(schema).survivorship(policy)
                .build());
    }

    static ContactPoint email(String address) {
        return ContactPoint.of(EmailAddress.parse(address), ContactUsage.HOME);
    }

    void order(Crm crm, Customer c, String id) {
        clock.advance(Duration.ofMinutes(1));
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(c.id()),
                Channel.WEB, InteractionType.ORDER_PLACED, clock.instant()).amount(Money.of("10.00", "EUR"))
                .source("shop", id).build());
    }

    @Test
    void findDuplicates_findsSameEmailOrPhone_withReasons() {
        Crm crm = crm(SurvivorshipPolicy.preferSurvivor());
        Customer a = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b.contactPoint(email("a@x.org"))
                .contactPoint(ContactPoint.of(PhoneNumber.parse("+4930123456"), ContactUsage.HOME)));
        Customer b = crm.customers().register(T, Person.named("A", "Lee"), x -> x.contactPoint(email("A@X.org")));
        Customer c = crm.customers().register(T, Person.named("C", "D"),
                x -> x.contactPoint(ContactPoint.of(PhoneNumber.parse("+4930123456"), ContactUsage.WORK)));
        crm.customers().register(T, Person.named("E", "F"), x -> x.contactPoint(email("e@x.org")));

        assertThat(crm.customers().findDuplicates(T, a.id()))
                .extracting(d -> d.customer().id(), DuplicateCandidate::reasons)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(b.id(), java.util.List.of("same email")),
                        org.assertj.core.groups.Tuple.tuple(c.id(), java.util.List.of("same phone")));
    }

    @Test
    void findDuplicates_usesTheConfiguredMatcher() {
        Crm crm = Crm.builder().clock(clock).seed(3)
                .duplicateMatcher((s, c) -> s.party().displayName().equals(c.party().displayName())
                        ? java.util.List.of("same name") : java.util.List.of())
                .build();
        Customer a = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b.contactPoint(email("a@x.org")));
        crm.customers().register(T, Person.named("Bob", "Lee"), b -> b.contactPoint(email("a@x.org")));
        assertThat(crm.customers().findDuplicates(T, a.id())).isEmpty();
    }

    @Test
    void merge_movesInteractionsToSurvivor_andUnitesCollections() {
        Crm crm = crm(SurvivorshipPolicy.preferSurvivor());
        Customer a = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b
                .contactPoint(email("a@x.org").asPrimary()).identity(ExternalIdentity.of("webshop", "1"))
                .tag("vip").attribute("tier", TypedValue.choice("bronze")));
        Customer b = crm.customers().register(T, Person.named("A", "Lee"), x -> x
                .contactPoint(email("a@x.org").asVerified())
                .contactPoint(email("ann@work.org").asPrimary())
                .identity(ExternalIdentity.of("loyalty", "L-9")).tag("app")
                .attribute("tier", TypedValue.choice("gold")).attribute("note", TypedValue.of("from app")));
        order(crm, a, "o1");
        order(crm, b, "o2");
        order(crm, b, "o3");

        MergeResult result = crm.customers().merge(T, a.id(), b.id());

        Customer s = result.survivor();
        assertThat(s.id()).isEqualTo(a.id());
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.party()).isEqualTo(a.party());
        assertThat(s.tags()).containsExactly("app", "vip");
        assertThat(s.identities()).containsExactly(ExternalIdentity.of("loyalty", "L-9"),
                ExternalIdentity.of("webshop", "1"));
        assertThat(s.contactPoints()).extracting(p -> p.value().key(), ContactPoint::primary, ContactPoint::verified)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email:a@x.org", true, true),
                        org.assertj.core.groups.Tuple.tuple("email:ann@work.org", false, false));
        assertThat(s.attributes()).containsEntry("tier", TypedValue.choice("bronze"))
                .containsEntry("note", TypedValue.of("from app"));
        assertThat(result.record().fieldOrigins()).containsEntry("attributes.tier", a.id())
                .containsEntry("party", a.id()).doesNotContainKey("attributes.note");
        assertThat(result.record().mergedSnapshot()).isEqualTo(b);
        assertThat(result.movedInteractions()).isEqualTo(2);
        assertThat(crm.interactions().find(T, Subject.customer(a.id()), InteractionQuery.all()).items())
                .hasSize(3);
        assertThat(crm.interactions().find(T, Subject.customer(b.id()), InteractionQuery.all()).items()).isEmpty();
        assertThat(crm.customers().get(T, b.id())).isEqualTo(s);
        assertThat(crm.customers().findByIdentity(T, ExternalIdentity.of("loyalty", "L-9"))).contains(s);
        assertThat(sink.events()).last().isInstanceOf(DomainEvent.InteractionsReassigned.class);
        assertThat(sink.events(DomainEvent.CustomersMerged.class)).singleElement()
                .satisfies(e -> assertThat(e.survivor()).isEqualTo(s));
    }

    @Test
    void merge_preferMostRecent_takesTheLaterUpdatedValues() {
        Crm crm = crm(SurvivorshipPolicy.preferMostRecent());
        Customer a = crm.customers().register(T, Person.named("Ann", "Lee"),
                b -> b.attribute("tier", TypedValue.choice("bronze")));
        clock.advance(Duration.ofDays(1));
        Customer b = crm.customers().register(T, Person.named("Ann", "Lee-Smith"),
                x -> x.attribute("tier", TypedValue.choice("gold")).stage(LifecycleStage.CUSTOMER, clock.instant()));

        Customer s = crm.customers().merge(T, a.id(), b.id()).survivor();

        assertThat(s.attribute("tier")).contains(TypedValue.choice("gold"));
        assertThat(s.party()).isEqualTo(b.party());
        assertThat(s.stage()).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void merge_namedPartyBeatsUnnamedEvenWhenSurvivorIsPreferred() {
        Crm crm = crm(SurvivorshipPolicy.preferSurvivor());
        Customer a = crm.customers().register(T, Person.unnamed(), b -> b);
        Customer b = crm.customers().register(T, Person.named("Ann", "Lee"), x -> x);
        assertThat(crm.customers().merge(T, a.id(), b.id()).survivor().party()).isEqualTo(b.party());
    }

    @Test
    void merge_isIdempotent() {
        Crm crm = crm(SurvivorshipPolicy.preferSurvivor());
        Customer a = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        Customer b = crm.customers().register(T, Person.named("Ann", "Lee"), b2 -> b2);
        MergeResult first = crm.customers().merge(T, a.id(), b.id());
        MergeResult again = crm.customers().merge(T, a.id(), b.id());
        assertThat(again.record()).isEqualTo(first.record());
        assertThat(again.survivor()).isEqualTo(first.survivor());
        assertThat(again.movedInteractions()).isZero();
        assertThat(sink.events(DomainEvent.CustomersMerged.class)).hasSize(1);
    }

    @Test
    void merge_intoItselfOrIntoAThirdAfterwards_isRefused_namingWhereTheIdWent() {
        Crm crm = crm(SurvivorshipPolicy.preferSurvivor());
        Customer a = crm.customers().register(T, Person.named("A", "A"), b -> b);
        Customer b = crm.customers().register(T, Person.named("B", "B"), x -> x);
        Customer c = crm.customers().register(T, Person.named("C", "C"), x -> x);
        assertThatThrownBy(() -> crm.customers().merge(T, a.id(), a.id())).isInstanceOf(ValidationException.class);
        crm.customers().merge(T, a.id(), b.id());

        assertThatThrownBy(() -> crm.customers().merge(T, c.id(), b.id()))
                .isInstanceOfSatisfying(MergedCustomerException.class, e -> {
                    assertThat(e.merged()).isEqualTo(b.id());
                    assertThat(e.survivor()).isEqualTo(a.id());
                    assertThat(e.getMessage()).contains("merged into " + a.id().value());
                });
        assertThat(crm.customers().get(T, c.id())).isEqualTo(c);
    }

    @Test
    void merge_intoAMergedAwayId_saysItWasMergedIntoTheSurvivor() {
        Crm crm = crm(SurvivorshipPolicy.preferSurvivor());
        Customer a = crm.customers().register(T, Person.named("A", "A"), b -> b);
        Customer b = crm.customers().register(T, Person.named("B", "B"), x -> x);
        Customer c = crm.customers().register(T, Person.named("C", "C"), x -> x);
        crm.customers().merge(T, a.id(), b.id());

        assertThatThrownBy(() -> crm.customers().merge(T, b.id(), c.id()))
                .isInstanceOfSatisfying(MergedCustomerException.class, e -> {
                    assertThat(e.role()).isEqualTo("survivor");
                    assertThat(e.survivor()).isEqualTo(a.id());
                    assertThat(e.getMessage()).doesNotContain("not found:");
                });
        assertThat(crm.customers().get(T, c.id())).isEqualTo(c);
    }

    @Test
    void update_ofACustomerMergedSinceItWasRead_namesTheSurvivor() {
        Crm crm = crm(SurvivorshipPolicy.preferSurvivor());
        Customer a = crm.customers().register(T, Person.named("A", "A"), b -> b);
        Customer b = crm.customers().register(T, Person.named("B", "B"), x -> x);
        crm.customers().merge(T, a.id(), b.id());

        assertThatThrownBy(() -> crm.customers().update(b.toBuilder().tag("late").build()))
                .isInstanceOfSatisfying(MergedCustomerException.class, e -> assertThat(e.survivor())
                        .isEqualTo(a.id()));
    }

    @Test
    void merge_chains_resolveToTheLastSurvivor() {
        Crm crm = crm(SurvivorshipPolicy.preferSurvivor());
        Customer a = crm.customers().register(T, Person.named("A", "A"), b -> b);
        Customer b = crm.customers().register(T, Person.named("B", "B"), x -> x);
        Customer c = crm.customers().register(T, Person.named("C", "C"), x -> x);
        crm.customers().merge(T, b.id(), c.id());
        crm.customers().merge(T, a.id(), b.id());
        assertThat(crm.customers().get(T, c.id()).id()).isEqualTo(a.id());
    }

    @Property(tries = 20)
    void mergeChains_ofAnyLength_resolveForEveryOperation(@ForAll @IntRange(min = 1, max = 150) int length) {
        Crm crm = crm(SurvivorshipPolicy.preferSurvivor());
        Customer first = crm.customers().register(T, Person.named("First", "One"), b -> b);
        Customer survivor = first;
        for (int i = 0; i < length; i++) {
            Customer next = crm.customers().register(T, Person.named("N" + i, "X"), b -> b);
            survivor = crm.customers().merge(T, next.id(), survivor.id()).survivor();
        }
        CustomerId last = survivor.id();

        assertThat(crm.customers().find(T, first.id())).map(Customer::id).contains(last);
        order(crm, first, "o-" + length);
        assertThat(crm.interactions().find(T, Subject.customer(last), InteractionQuery.all()).items()).hasSize(1);
        assertThat(crm.customers().modify(T, first.id(), x -> x.tag("found")).id()).isEqualTo(last);
        VisitorId visitor = VisitorId.of("v-" + length);
        assertThat(crm.customers().identify(T, visitor, first.id()).id()).isEqualTo(last);
        assertThat(crm.customers().erase(T, first.id()).erased()).isEqualTo(last);
        assertThat(crm.customers().find(T, first.id())).isEmpty();
    }

    @Test
    void survivorshipOverride_withALineBreakInTheFieldName_isRefused() {
        assertThatThrownBy(() -> new SurvivorshipPolicy(SurvivorshipPolicy.Rule.SURVIVOR,
                new TreeMap<>(Map.of("party\n", SurvivorshipPolicy.Rule.MERGED))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("overrides: contains the control character U+000A");
    }
}
