package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.scoring.EngagementRule;
import org.crmkit.scoring.EngagementRules;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxMessage;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.tck.MutableClock;

/**
 * Tracked segments equal batch evaluation at every moment: over random sequences of orders, page views, clicks that
 * earn decaying engagement, profile changes, opt-ins (some ending), opt-outs, suppressions, sends counted by a
 * pressure cap, redefinitions of a segment, and clock advances followed by the scheduler's re-evaluation, after
 * each step every tracked segment's stored members are the members batch evaluation gives, and replaying the
 * published entered/left events gives exactly those members.
 */
class TrackingEqualsBatchProperties {
    static final TenantId T = TenantId.of("live");
    private static final int CUSTOMERS = 3;
    private static final List<List<String>> SEGMENTS = List.of(
            List.of("recent_buyers", "count(order_placed within 3d) >= 1"),
            List.of("web_today", "last(web) within 12h"),
            List.of("big", "sum(order_placed within 2d) > 50 EUR"),
            List.of("engaged", "score(\"engagement\") > 3"),
            List.of("unengaged", "score(\"engagement\") < 1"),
            List.of("reachable", "can_contact(email, newsletter)"),
            List.of("hot_and_reachable", "segment(\"engaged\") and can_contact(email, newsletter)"),
            List.of("not_recent", "not segment(\"recent_buyers\")"),
            List.of("berliners", "city = \"Berlin\""),
            List.of("month_buyers", "count(order_placed this month) >= 1"),
            List.of("last_week_viewers", "count(page_view last week) >= 1"),
            List.of("newcomers", "days_since(created) < 2"),
            List.of("big_average", "avg(amount of order_placed within 2d) > 40 EUR"));
    private static final List<String> REDEFINITIONS = List.of("count(page_view within 1d) >= 2",
            "score(\"engagement\") >= 1 and city = \"Paris\"", "not can_contact(email, newsletter)");

    @Property(tries = 60, seed = "20261202")
    void trackedMembership_equalsBatch_afterEveryStep_andEventsReplayToIt(@ForAll("steps") List<Step> steps) {
        World w = new World();
        for (Step step : steps) {
            step.run(w);
            w.check(step);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return step().list().ofMinSize(1).ofMaxSize(30);
    }

    static Arbitrary<Step> step() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, CUSTOMERS - 1);
        Arbitrary<Step> order = Combinators.combine(who, Arbitraries.integers().between(5, 80))
                .as((c, amount) -> new Step("order " + c + " " + amount, w -> w.order(c, amount)));
        Arbitrary<Step> view = who.map(c -> new Step("view " + c,
                w -> w.interaction(c, InteractionType.PAGE_VIEW, Channel.WEB)));
        Arbitrary<Step> click = who.map(c -> new Step("click " + c,
                w -> w.interaction(c, InteractionType.CAMPAIGN_CLICK, Channel.EMAIL)));
        Arbitrary<Step> city = Combinators.combine(who, Arbitraries.of("Berlin", "Paris"))
                .as((c, name) -> new Step("city " + c + " " + name, w -> w.city(c, name)));
        Arbitrary<Step> optIn = Combinators.combine(who, Arbitraries.integers().between(0, 48))
                .as((c, hours) -> new Step("optIn " + c + " for " + hours + "h", w -> w.optIn(c, hours)));
        Arbitrary<Step> optOut = who.map(c -> new Step("optOut " + c, w -> w.optOut(c)));
        Arbitrary<Step> suppress = Combinators.combine(who, Arbitraries.of(true, false))
                .as((c, on) -> new Step("suppress " + c + " " + on, w -> w.suppress(c, on)));
        Arbitrary<Step> send = who.map(c -> new Step("sent " + c, w -> w.sent(c)));
        Arbitrary<Step> redefine = Arbitraries.of(REDEFINITIONS).map(text -> new Step("redefine " + text,
                w -> w.redefine(text)));
        Arbitrary<Step> advance = Arbitraries.integers().between(1, 60).map(hours -> new Step("advance " + hours + "h",
                w -> w.advance(hours)));
        Arbitrary<Step> review = Arbitraries.just(new Step("reevaluate", w -> w.crm.analytics().reevaluate(T)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, order), Tuple.of(2, view), Tuple.of(3, click),
                Tuple.of(1, city), Tuple.of(2, optIn), Tuple.of(1, optOut),
                Tuple.of(1, suppress), Tuple.of(2, send),
                Tuple.of(1, redefine), Tuple.of(4, advance), Tuple.of(1, review));
    }

    /** One step of a scenario, named for the report of a failing one. */
    record Step(String name, Consumer<World> action) {
        void run(World w) {
            action.accept(w);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One engine with tracking on, three customers, and the writes the steps make. */
    static final class World {
        final MutableClock clock = new MutableClock(Instant.parse("2026-03-28T22:30:00Z"));
        final InMemoryStorage storage = new InMemoryStorage();
        final Crm crm = Crm.builder().storage(storage).clock(clock).seed(5).eventRelayThread(false)
                .consentKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))
                .attributeSchema(AttributeSchema.of(AttributeDefinition.enumeration("city", Set.of("Berlin",
                        "Paris"))))
                .zone(ZoneId.of("Europe/Berlin"))
                .engagementRules(EngagementRules.builder().rule(EngagementRule.of(InteractionType.CAMPAIGN_CLICK, 5))
                        .halfLife(Duration.ofHours(10)).build())
                .build();
        final CustomerId[] ids = new CustomerId[CUSTOMERS];
        final AtomicInteger next = new AtomicInteger();

        World() {
            for (int i = 0; i < CUSTOMERS; i++) {
                ContactPoint point = ContactPoint.of(email(i), ContactUsage.HOME).asPrimary().asVerified();
                ids[i] = crm.customers().register(T, Person.named("P" + i, "Lee"), b -> b.contactPoint(point)).id();
            }
            SEGMENTS.forEach(d -> crm.analytics().catalog(T).define(d.get(0), d.get(1)));
            crm.analytics().catalog(T).define("dynamic", REDEFINITIONS.get(0));
            crm.analytics().track(T);
        }

        static EmailAddress email(int i) {
            return EmailAddress.parse("p" + i + "@example.com");
        }

        void order(int c, int amount) {
            record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(ids[c]), Channel.WEB,
                    InteractionType.ORDER_PLACED, clock.instant()).amount(Money.of(amount + ".00", "EUR")));
        }

        void interaction(int c, InteractionType type, Channel channel) {
            record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(ids[c]), channel, type,
                    clock.instant()));
        }

        private void record(Interaction.Builder b) {
            crm.interactions().record(b.source("test", "i" + next.getAndIncrement()).build());
        }

        void city(int c, String name) {
            Customer now = crm.customers().find(T, ids[c]).orElseThrow();
            crm.customers().update(now.toBuilder().attribute("city", new TypedValue.Choice(name)).build());
        }

        void optIn(int c, int hours) {
            ConsentScope scope = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);
            Evidence evidence = Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"),
                    clock.instant(), Wording.of("v1", "Send me the newsletter"));
            if (hours == 0) {
                crm.consents().optIn(T, ids[c], scope, Capture.TICKED_BOX, evidence);
            } else {
                crm.consents().optIn(T, ids[c], scope, Capture.TICKED_BOX, evidence,
                        clock.instant().plus(Duration.ofHours(hours)));
            }
        }

        void optOut(int c) {
            crm.consents().optOut(T, ids[c], ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER),
                    Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "preferences"), clock.instant()));
        }

        void suppress(int c, boolean on) {
            if (on) {
                crm.consents().suppress(T, email(c), SuppressionReason.COMPLAINT);
            } else {
                crm.consents().lift(T, email(c));
            }
        }

        void sent(int c) {
            crm.consents().recordSent(T, ids[c], ConsentChannel.EMAIL, Purpose.NEWSLETTER, clock.instant());
        }

        void redefine(String text) {
            crm.analytics().catalog(T).define("dynamic", text);
        }

        /** Time passes, then the host's scheduler asks for the re-evaluation. */
        void advance(int hours) {
            clock.advance(Duration.ofHours(hours));
            crm.analytics().reevaluate(T);
        }

        void check(Step step) {
            Map<String, Set<CustomerId>> replayed = new HashMap<>();
            for (OutboxMessage m : storage.outbox().pending(0, Outbox.MAX_PAGE_SIZE)) {
                if (m.event() instanceof DomainEvent.SegmentMembershipChanged e) {
                    Set<CustomerId> members = replayed.computeIfAbsent(e.segment(), s -> new HashSet<>());
                    if (e.entered()) {
                        assertThat(members.add(e.customer())).as("entered twice: %s", e).isTrue();
                    } else {
                        assertThat(members.remove(e.customer())).as("left without entering: %s", e).isTrue();
                    }
                }
            }
            for (String segment : crm.analytics().catalog(T).definitions().stream().map(d -> d.name()).toList()) {
                Set<CustomerId> batch = crm.analytics().members(T, segment);
                assertThat(crm.analytics().trackedMembers(T, segment)).as("tracked %s at %s", segment,
                        clock.instant()).contains(batch);
                assertThat(replayed.getOrDefault(segment, Set.of())).as("replayed %s", segment)
                        .isEqualTo(batch);
            }
        }
    }
}
