package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.junit.jupiter.api.Test;

/** Tracked segments follow scores, consent, the catalog and the clock, through the facade. */
class LiveTrackingTest {
    static final TenantId T = Shop.T;
    static final TenantId OTHER = TenantId.of("other_shop");
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final Shop shop = new Shop(new InMemoryStorage());

    Crm withConsent() {
        Crm crm = Crm.builder().storage(shop.storage).clock(shop.clock).seed(2).eventRelayThread(false)
                .engagementRules(Shop.RULES).consentKey(KEY).build();
        crm.analytics().catalog(T).define("reachable", "can_contact(email, newsletter)");
        return crm;
    }

    static Customer withEmail(Crm crm, String given) {
        ContactPoint email = ContactPoint.of(EmailAddress.parse(given.toLowerCase() + "@example.com"),
                ContactUsage.HOME).asPrimary().asVerified();
        return crm.customers().register(T, Person.named(given, "Lee"), b -> b.contactPoint(email));
    }

    static void optIn(Crm crm, Customer c, Shop shop) {
        crm.consents().optIn(T, c.id(), ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER), Capture.TICKED_BOX,
                Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"), shop.clock.instant(),
                        Wording.of("v1", "Send me the newsletter")));
    }

    @Test
    void theClickThatEarnsThePoints_entersTheScoreSegment_withItsEvent() {
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        crm.analytics().track(T);

        shop.click(crm, ann, "c1");

        assertThat(crm.analytics().members(T, "engaged")).containsExactly(ann.id());
        assertThat(crm.analytics().trackedMembers(T, "engaged")).contains(Set.of(ann.id()));
        assertThat(shop.written(DomainEvent.SegmentMembershipChanged.class))
                .extracting(DomainEvent.SegmentMembershipChanged::segment, DomainEvent.SegmentMembershipChanged::entered)
                .containsExactly(tuple("engaged", true));
    }

    @Test
    void anUnengagedCustomer_hasEngagementZero_whateverOthersEarn() {
        Crm crm = shop.engine(1);
        crm.analytics().catalog(T).define("unengaged", "score(\"engagement\") < 1");
        Customer ann = Shop.register(crm, "Ann");
        Customer bob = Shop.register(crm, "Bob");
        crm.analytics().track(T);
        assertThat(crm.analytics().score(T, ann.id(), "engagement")).contains(0.0);
        assertThat(crm.analytics().trackedMembers(T, "unengaged")).contains(Set.of(ann.id(), bob.id()));

        shop.click(crm, bob, "c1");

        assertThat(crm.analytics().members(T, "unengaged")).containsExactly(ann.id());
        assertThat(crm.analytics().trackedMembers(T, "unengaged")).contains(Set.of(ann.id()));
    }

    @Test
    void optOutAndSuppression_takeTheCustomerOutOfTrackedCanContactSegments_atOnce() {
        Crm crm = withConsent();
        Customer ann = withEmail(crm, "Ann");
        Customer bob = withEmail(crm, "Bob");
        crm.analytics().track(T);
        optIn(crm, ann, shop);
        optIn(crm, bob, shop);
        assertThat(crm.analytics().trackedMembers(T, "reachable")).contains(Set.of(ann.id(), bob.id()));

        crm.consents().optOut(T, ann.id(), ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER),
                Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "preferences"), shop.clock.instant()));
        crm.consents().suppress(T, EmailAddress.parse("bob@example.com"), SuppressionReason.HARD_BOUNCE);

        assertThat(crm.analytics().trackedMembers(T, "reachable")).contains(Set.of());
        crm.consents().lift(T, EmailAddress.parse("bob@example.com"));
        assertThat(crm.analytics().trackedMembers(T, "reachable")).contains(Set.of(bob.id()));
    }

    @Test
    void aSegmentDefinedAfterTrack_isTracked_andTenantsHaveTheirOwnCatalogs() {
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        shop.order(crm, ann, "o1", "80.00");
        crm.analytics().track(T);

        crm.analytics().catalog(T).define("big_spenders", "sum(order_placed) > 50 EUR");

        assertThat(crm.analytics().trackedMembers(T, "big_spenders")).contains(Set.of(ann.id()));
        assertThat(crm.analytics().catalog(OTHER).definition("big_spenders")).isEmpty();
        crm.analytics().catalog(T).define("big_spenders", "sum(order_placed) > 100 EUR");
        assertThat(crm.analytics().trackedMembers(T, "big_spenders")).contains(Set.of());
    }

    @Test
    void reevaluate_letsMembersLeave_asWindowsAgeAndEngagementDecays_andDecidesOnlyThoseDue() {
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        Customer bob = Shop.register(crm, "Bob");
        Shop.register(crm, "Cid");
        crm.analytics().track(T);
        shop.order(crm, ann, "o1", "20.00");
        shop.click(crm, bob, "c1");

        shop.clock.advance(Duration.ofDays(1));
        assertThat(crm.analytics().reevaluate(T)).isZero();
        shop.clock.advance(Duration.ofHours(108));
        assertThat(crm.analytics().reevaluate(T)).as("bob's 5 points fell below 3 after 5.16 days").isEqualTo(1);
        assertThat(crm.analytics().trackedMembers(T, "engaged")).contains(Set.of());
        shop.clock.advance(Duration.ofDays(2));
        assertThat(crm.analytics().reevaluate(T)).as("ann's order left the window").isEqualTo(1);
        assertThat(crm.analytics().trackedMembers(T, "recent_buyers")).contains(Set.of());
        assertThat(crm.analytics().reevaluate(T)).isZero();
    }

    @Test
    void anOptInThatEnds_leavesTheTrackedSegment_whenItEnds() {
        Crm crm = withConsent();
        Customer ann = withEmail(crm, "Ann");
        crm.analytics().track(T);
        crm.consents().optIn(T, ann.id(), ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER),
                Capture.TICKED_BOX, Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "contest"),
                        shop.clock.instant(), Wording.of("v1", "Newsletter until the contest ends")),
                shop.clock.instant().plus(Duration.ofDays(10)));
        assertThat(crm.analytics().trackedMembers(T, "reachable")).contains(Set.of(ann.id()));

        shop.clock.advance(Duration.ofDays(10));
        crm.analytics().reevaluate(T);

        assertThat(crm.analytics().trackedMembers(T, "reachable")).contains(Set.of());
    }

    @Test
    void aSecondEngine_findsTheReviewsTheFirstScheduled() {
        Crm first = shop.engine(1);
        Customer ann = Shop.register(first, "Ann");
        first.analytics().track(T);
        shop.order(first, ann, "o1", "20.00");
        Crm second = shop.engine(2);
        second.analytics().track(T);

        shop.clock.advance(Duration.ofDays(8));

        assertThat(second.analytics().reevaluate(T)).isEqualTo(1);
        assertThat(first.analytics().trackedMembers(T, "recent_buyers")).contains(Set.of());
        assertThat(first.analytics().reevaluate(T)).isZero();
    }

    @Test
    void theBuiltInScheduler_reevaluatesOnItsThread_untilClosed() throws InterruptedException {
        Shop live = new Shop(new InMemoryStorage());
        try (Crm crm = Crm.builder().storage(live.storage).clock(live.clock).seed(3).eventRelayThread(false)
                .engagementRules(Shop.RULES).segmentReview(Duration.ofMillis(20)).build()) {
            crm.analytics().catalog(T).define("recent_buyers", "count(order_placed within 7d) >= 1");
            Customer ann = Shop.register(crm, "Ann");
            crm.analytics().track(T);
            live.order(crm, ann, "o1", "20.00");
            assertThat(crm.analytics().trackedMembers(T, "recent_buyers")).contains(Set.of(ann.id()));

            live.clock.advance(Duration.ofDays(8));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!crm.analytics().trackedMembers(T, "recent_buyers").orElseThrow().isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(crm.analytics().trackedMembers(T, "recent_buyers")).contains(Set.of());
        }
    }
}
