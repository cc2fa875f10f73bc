package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmkit.analytics.Shop.T;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.scoring.RfmScore;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.score.Score;
import org.junit.jupiter.api.Test;

/** Merges and erasure take analytics state with them, in their own units. */
class MergeAndErasureAnalyticsTest {
    final Shop shop = new Shop(new InMemoryStorage());
    final Crm crm = shop.engine(1);
    final Customer ann = Shop.register(crm, "Ann");
    final Customer bob = Shop.register(crm, "Bob");

    @Test
    void merge_survivorTakesInTheMergedEngagement_andTheMergedScoresAndMembershipsGo() {
        crm.analytics().track(T);
        shop.click(crm, ann, "a1");
        shop.clock.advance(Shop.HALF_LIFE);
        shop.click(crm, bob, "b1");
        shop.click(crm, bob, "b2");
        shop.order(crm, bob, "o1", "20.00");
        crm.analytics().rfm(T, Currency.getInstance("EUR"));
        Instant merged = shop.clock.instant();
        int eventsBefore = shop.written(DomainEvent.SegmentMembershipChanged.class).size();

        crm.customers().merge(T, ann.id(), bob.id());

        assertThat(crm.analytics().score(T, ann.id(), "engagement").orElseThrow()).isCloseTo(12.5, offset(1e-9));
        assertThat(shop.storage.scores().find(T, ann.id(), "engagement"))
                .contains(Score.of("engagement", 12.5, merged));
        assertThat(shop.storage.scores().find(T, bob.id())).isEmpty();
        assertThat(shop.storage.memberships().segmentsOf(T, bob.id())).isEmpty();
        assertThat(shop.written(DomainEvent.SegmentMembershipChanged.class).subList(eventsBefore,
                shop.written(DomainEvent.SegmentMembershipChanged.class).size()))
                .extracting(DomainEvent.SegmentMembershipChanged::customer, DomainEvent.SegmentMembershipChanged::segment,
                        DomainEvent.SegmentMembershipChanged::entered)
                .containsExactlyInAnyOrder(tuple(bob.id(), "engaged", false), tuple(bob.id(), "recent_buyers", false),
                        tuple(ann.id(), "recent_buyers", true));
        assertThat(crm.analytics().trackedMembers(T, "engaged")).contains(Set.of(ann.id()));
        assertThat(shop.written(DomainEvent.ScoreChanged.class)).last()
                .satisfies(e -> assertThat(e.customer()).isEqualTo(ann.id()));
    }

    @Test
    void merge_survivorKeepsItsBatchScoresUntilTheNextScoring() {
        Currency eur = Currency.getInstance("EUR");
        shop.order(crm, ann, "o1", "5.00");
        shop.order(crm, bob, "o2", "500.00");
        shop.order(crm, Shop.register(crm, "Cid"), "o3", "50.00");
        crm.analytics().rfm(T, eur);
        List<Score> annBefore = List.copyOf(shop.storage.scores().find(T, ann.id()).values());
        double monetaryBefore = shop.storage.scores().find(T, ann.id(), "rfm.monetary").orElseThrow().value();

        crm.customers().merge(T, ann.id(), bob.id());

        assertThat(shop.storage.scores().find(T, ann.id()).values()).containsExactlyElementsOf(annBefore);
        RfmScore joined = crm.analytics().rfm(T, eur).scores().stream().filter(s -> s.customerId().equals(ann.id()))
                .findFirst().orElseThrow();
        assertThat(joined.frequency()).isEqualTo(2);
        assertThat(shop.storage.scores().find(T, ann.id(), "rfm.monetary").orElseThrow().value())
                .isEqualTo(joined.m().getAsInt()).isGreaterThan(monetaryBefore);
    }

    @Test
    void erase_forgetsTheScoresAndMembershipsOfTheCustomerAndThoseMergedIntoIt() {
        crm.analytics().track(T);
        shop.click(crm, ann, "a1");
        shop.order(crm, ann, "o1", "20.00");
        crm.customers().merge(T, ann.id(), bob.id());
        shop.storage.scores().put(T, bob.id(), List.of(Score.of("rfm.recency", 2, shop.clock.instant())));
        shop.storage.memberships().enter(T, "engaged", bob.id(), shop.clock.instant());

        crm.customers().erase(T, ann.id());

        assertThat(shop.storage.scores().find(T, ann.id())).isEmpty();
        assertThat(shop.storage.scores().find(T, bob.id())).isEmpty();
        assertThat(shop.storage.memberships().segmentsOf(T, ann.id())).isEmpty();
        assertThat(shop.storage.memberships().segmentsOf(T, bob.id())).isEmpty();
        assertThat(shop.written(DomainEvent.SegmentMembershipChanged.class))
                .as("what waited about them was discarded; the exits of the erasure wait")
                .filteredOn(e -> e.customer().equals(ann.id()) || e.customer().equals(bob.id()))
                .allSatisfy(e -> assertThat(e.entered()).isFalse())
                .extracting(DomainEvent.SegmentMembershipChanged::customer)
                .containsExactlyInAnyOrder(ann.id(), ann.id(), bob.id());
        assertThat(crm.analytics().trackedMembers(T, "engaged")).contains(Set.of());
    }
}
