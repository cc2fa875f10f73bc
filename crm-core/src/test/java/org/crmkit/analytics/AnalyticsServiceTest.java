package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.scoring.EngagementRule;
import org.crmkit.scoring.EngagementRules;
import org.crmkit.segmentation.SegmentTypeException;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
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
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.RecordingSink;
import org.junit.jupiter.api.Test;

class AnalyticsServiceTest {
    static final TenantId T = TenantId.of("shop");

    final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));
    final RecordingSink sink = new RecordingSink();
    final Crm crm = sink.of(Crm.builder().clock(clock).seed(9).eventSink(sink)
            .consentKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))
            .engagementRules(EngagementRules.builder()
                    .rule(EngagementRule.of(InteractionType.CAMPAIGN_CLICK, 5)).halfLife(Duration.ofDays(7)).build())
            .build());

    Customer register(String given, String email) {
        return crm.customers().register(T, Person.named(given, "Lee"), b -> b.contactPoint(
                ContactPoint.of(EmailAddress.parse(email), ContactUsage.HOME).asPrimary().asVerified()));
    }

    void order(Customer c, String id, String amount) {
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(c.id()),
                Channel.WEB, InteractionType.ORDER_PLACED, clock.instant()).amount(Money.of(amount, "EUR"))
                .source("shop", id).build());
    }

    @Test
    void members_evaluatesASegmentOverTheWholeBase() {
        Customer ann = register("Ann", "ann@example.com");
        register("Bob", "bob@example.com");
        order(ann, "o1", "20.00");
        crm.analytics().catalog(T).define("recent_buyers", "count(order_placed within 30d) >= 1");

        assertThat(crm.analytics().members(T, "recent_buyers")).containsExactly(ann.id());
    }

    @Test
    void track_publishesEntriesAndExitsAsDomainEvents() {
        Customer ann = register("Ann", "ann@example.com");
        crm.analytics().catalog(T).define("recent_buyers", "count(order_placed within 7d) >= 1");
        crm.analytics().track(T);

        order(ann, "o1", "20.00");

        assertThat(sink.events(DomainEvent.SegmentMembershipChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.segment()).isEqualTo("recent_buyers");
            assertThat(e.customer()).isEqualTo(ann.id());
            assertThat(e.entered()).isTrue();
        });
        assertThat(crm.analytics().trackedMembers(T, "recent_buyers")).contains(Set.of(ann.id()));
    }

    @Test
    void canContact_asksTheConsentEngine() {
        Customer ann = register("Ann", "ann@example.com");
        register("Bob", "bob@example.com");
        crm.consents().optIn(T, ann.id(), ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING),
                Capture.TICKED_BOX, Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"),
                        clock.instant(), Wording.of("v1", "Send me offers")));
        crm.analytics().catalog(T).define("reachable", "can_contact(email, marketing)");

        assertThat(crm.analytics().members(T, "reachable")).containsExactly(ann.id());
    }

    @Test
    void unknownScoreOrFunction_isRefusedWhenDefined() {
        assertThatThrownBy(() -> crm.analytics().catalog(T).define("bad", "score(\"loyalty\") > 3"))
                .isInstanceOf(SegmentTypeException.class);
        assertThatThrownBy(() -> crm.analytics().catalog(T).define("bad", "can_contact(email, astrology)"))
                .isInstanceOf(SegmentTypeException.class);
    }

    @Test
    void rfmScores_areReadBySegments() {
        Customer ann = register("Ann", "ann@example.com");
        Customer bob = register("Bob", "bob@example.com");
        order(ann, "o1", "200.00");
        clock.advance(Duration.ofDays(1));
        order(ann, "o2", "150.00");
        order(bob, "o3", "5.00");
        crm.analytics().rfm(T, Currency.getInstance("EUR"));
        crm.analytics().catalog(T).define("big_spenders", "rfm.monetary >= 3");

        assertThat(crm.analytics().members(T, "big_spenders")).containsExactly(ann.id());
        assertThat(crm.analytics().score(T, bob.id(), "rfm.monetary")).isPresent();
    }

    @Test
    void track_batchScoring_publishesEntriesOfScoreSegments() {
        Customer ann = register("Ann", "ann@example.com");
        Customer bob = register("Bob", "bob@example.com");
        order(ann, "o1", "200.00");
        order(bob, "o2", "5.00");
        crm.analytics().catalog(T).define("big_spenders", "rfm.monetary >= 3");
        crm.analytics().track(T);

        crm.analytics().rfm(T, Currency.getInstance("EUR"));

        assertThat(sink.events(DomainEvent.SegmentMembershipChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.customer()).isEqualTo(ann.id()));
        assertThat(crm.analytics().trackedMembers(T, "big_spenders")).contains(Set.of(ann.id()));
    }

    @Test
    void profiles_keepEachCustomersClusterForSegments() {
        Customer ann = register("Ann", "ann@example.com");
        Customer bob = register("Bob", "bob@example.com");
        Customer cid = register("Cid", "cid@example.com");
        for (int i = 0; i < 5; i++) {
            order(ann, "a" + i, "300.00");
            order(bob, "b" + i, "290.00");
            clock.advance(Duration.ofDays(1));
        }
        order(cid, "c0", "3.00");
        var model = crm.analytics().profiles(T, crm.analytics().rfm(T, Currency.getInstance("EUR")), 2, 5);
        int big = (int) Math.round(crm.analytics().score(T, ann.id(), "rfm.cluster").orElseThrow());
        crm.analytics().catalog(T).define("big_buyers", "rfm.cluster = " + big);

        assertThat(model.clusters()).hasSize(2);
        assertThat(crm.analytics().members(T, "big_buyers")).containsExactlyInAnyOrder(ann.id(), bob.id());
    }

    @Test
    void engagement_isLiveAndDecays() {
        Customer ann = register("Ann", "ann@example.com");
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(ann.id()),
                Channel.EMAIL, InteractionType.CAMPAIGN_CLICK, clock.instant()).source("mailer", "c1").build());

        assertThat(crm.analytics().score(T, ann.id(), "engagement")).contains(5.0);
        clock.advance(Duration.ofDays(7));
        assertThat(crm.analytics().score(T, ann.id(), "engagement").orElseThrow()).isCloseTo(2.5, offset(1e-9));
    }

    @Test
    void consents_withoutAKey_areRefused() {
        Crm plain = Crm.builder().build();
        assertThatThrownBy(plain::consents).isInstanceOf(UnsupportedCapabilityException.class);
        assertThat(List.of(plain.analytics().catalog(T).functions().keySet().toArray())).isEmpty();
    }
}
