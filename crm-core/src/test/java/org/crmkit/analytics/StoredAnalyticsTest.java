package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.crmkit.analytics.Shop.T;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.ScoreReading;
import org.crmkit.spi.segment.SegmentQueryCapability;
import org.crmkit.spi.storage.ForwardingStorage;
import org.crmkit.spi.storage.Storage;
import org.junit.jupiter.api.Test;

/** Scores and tracked memberships live in the storage's ports, written in units with their events. */
class StoredAnalyticsTest {
    static final Currency EUR = Currency.getInstance("EUR");

    /** An in-memory storage whose outbox refuses events of {@code type}. */
    static Storage refusing(Class<? extends DomainEvent> type) {
        return new ForwardingStorage(new InMemoryStorage()) {
            private final Outbox refusing = new RefusingOutbox(super.outbox(), type);

            @Override
            public Outbox outbox() {
                return refusing;
            }
        };
    }

    @Test
    void engagement_isStoredAsItsValueAtTheLatestClick_andReadDecayedToNow() {
        Shop shop = new Shop(new InMemoryStorage());
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        Instant first = shop.clock.instant();
        shop.click(crm, ann, "c1");
        shop.clock.advance(Shop.HALF_LIFE);
        shop.click(crm, ann, "c2");
        shop.clock.advance(Shop.HALF_LIFE);

        assertThat(shop.storage.scores().find(T, ann.id(), "engagement"))
                .contains(Score.of("engagement", 7.5, first.plus(Shop.HALF_LIFE)));
        assertThat(crm.analytics().score(T, ann.id(), "engagement").orElseThrow()).isCloseTo(3.75, offset(1e-9));
        assertThat(shop.written(DomainEvent.ScoreChanged.class)).extracting(DomainEvent.ScoreChanged::scores)
                .containsExactly(List.of(Score.of("engagement", 5, first)),
                        List.of(Score.of("engagement", 7.5, first.plus(Shop.HALF_LIFE))));
    }

    @Test
    void engagement_isWrittenInTheUnitOfItsInteraction() {
        Shop shop = new Shop(refusing(DomainEvent.ScoreChanged.class));
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");

        assertThatThrownBy(() -> shop.click(crm, ann, "c1")).hasMessageContaining("refuses ScoreChanged");

        assertThat(shop.written(DomainEvent.InteractionRecorded.class)).isEmpty();
        assertThat(shop.storage.scores().find(T, ann.id())).isEmpty();
    }

    @Test
    void score_answersWhatTheStorageHolds() {
        Shop shop = new Shop(new InMemoryStorage());
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        Instant now = shop.clock.instant();
        shop.storage.scores().put(T, ann.id(), List.of(Score.of("rfm.recency", 4, now),
                Score.of("engagement", 8, now.minus(Shop.HALF_LIFE))));

        assertThat(crm.analytics().score(T, ann.id(), "rfm.recency")).contains(4.0);
        assertThat(crm.analytics().score(T, ann.id(), "engagement").orElseThrow()).isCloseTo(4.0, offset(1e-9));
        assertThat(crm.analytics().score(T, ann.id(), "rfm.monetary")).isEmpty();
        assertThat(crm.analytics().members(T, "engaged")).containsExactly(ann.id());
    }

    @Test
    void batchScoring_writesAndPublishesOnlyTheValuesThatChanged() {
        Shop shop = new Shop(new InMemoryStorage());
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        Customer bob = Shop.register(crm, "Bob");
        Customer cid = Shop.register(crm, "Cid");
        shop.order(crm, ann, "o1", "200.00");
        shop.order(crm, bob, "o2", "5.00");
        shop.order(crm, cid, "o3", "50.00");
        crm.analytics().rfm(T, EUR);
        Instant firstRun = shop.clock.instant();
        int first = shop.written(DomainEvent.ScoreChanged.class).size();
        shop.clock.advance(Duration.ofHours(1));
        crm.analytics().rfm(T, EUR);
        int second = shop.written(DomainEvent.ScoreChanged.class).size();
        Map<CustomerId, SortedMap<String, Score>> before = new HashMap<>();
        for (Customer c : List.of(ann, bob, cid)) {
            before.put(c.id(), shop.storage.scores().find(T, c.id()));
        }

        shop.order(crm, bob, "o4", "900.00");
        crm.analytics().rfm(T, EUR);

        assertThat(first).isEqualTo(3);
        assertThat(second).isEqualTo(first);
        List<DomainEvent.ScoreChanged> third = shop.written(DomainEvent.ScoreChanged.class).subList(second,
                shop.written(DomainEvent.ScoreChanged.class).size());
        assertThat(third).isNotEmpty().allSatisfy(e -> assertThat(e.scores()).allSatisfy(changed ->
                assertThat(changed.value()).isNotEqualTo(before.get(e.customer()).get(changed.name()).value())));
        for (Customer c : List.of(ann, bob, cid)) {
            Set<String> published = third.stream().filter(e -> e.customer().equals(c.id()))
                    .flatMap(e -> e.scores().stream()).map(Score::name).collect(Collectors.toSet());
            shop.storage.scores().find(T, c.id()).forEach((name, score) -> {
                boolean changed = score.value() != before.get(c.id()).get(name).value();
                assertThat(published.contains(name)).as("%s %s published", c.id(), name).isEqualTo(changed);
                assertThat(score.asOf()).isEqualTo(changed ? shop.clock.instant() : firstRun);
            });
        }
    }

    @Test
    void trackedMembership_isStoredWithItsEvent_orNotAtAll() {
        Shop shop = new Shop(refusing(DomainEvent.SegmentMembershipChanged.class));
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        crm.analytics().track(T);

        assertThatThrownBy(() -> shop.order(crm, ann, "o1", "20.00")).hasMessageContaining("refuses");

        assertThat(shop.storage.interactions().count(T)).isEqualTo(1);
        assertThat(shop.storage.memberships().memberSince(T, "recent_buyers", ann.id())).isEmpty();
        assertThat(crm.analytics().trackedMembers(T, "recent_buyers")).contains(Set.of());
    }

    @Test
    void track_storesEntriesAndExits_sinceTheirInstant() {
        Shop shop = new Shop(new InMemoryStorage());
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        crm.analytics().track(T);
        Instant ordered = shop.clock.instant();
        shop.order(crm, ann, "o1", "20.00");
        shop.clock.advance(Duration.ofDays(8));
        shop.click(crm, ann, "c1");

        assertThat(shop.storage.memberships().memberSince(T, "engaged", ann.id())).contains(shop.clock.instant());
        assertThat(shop.storage.memberships().memberSince(T, "recent_buyers", ann.id())).isEmpty();
        assertThat(shop.written(DomainEvent.SegmentMembershipChanged.class))
                .extracting(DomainEvent.SegmentMembershipChanged::segment, DomainEvent.SegmentMembershipChanged::entered,
                        DomainEvent.SegmentMembershipChanged::at)
                .containsExactly(tuple("recent_buyers", true, ordered),
                        tuple("recent_buyers", false, shop.clock.instant()),
                        tuple("engaged", true, shop.clock.instant()));
    }

    @Test
    void track_writesOnlyWhereTheStoreDiffers_andLeavesUnknownSegmentsAlone() {
        Shop shop = new Shop(new InMemoryStorage());
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        Customer bob = Shop.register(crm, "Bob");
        Customer cid = Shop.register(crm, "Cid");
        shop.order(crm, ann, "o1", "20.00");
        shop.order(crm, cid, "o2", "20.00");
        Instant longAgo = shop.clock.instant().minus(Duration.ofDays(30));
        shop.storage.memberships().enter(T, "recent_buyers", bob.id(), longAgo);
        shop.storage.memberships().enter(T, "recent_buyers", cid.id(), longAgo);
        shop.storage.memberships().enter(T, "retired_segment", bob.id(), longAgo);

        crm.analytics().track(T);

        assertThat(shop.written(DomainEvent.SegmentMembershipChanged.class))
                .extracting(DomainEvent.SegmentMembershipChanged::customer, DomainEvent.SegmentMembershipChanged::entered)
                .containsExactlyInAnyOrder(tuple(ann.id(), true),
                        tuple(bob.id(), false));
        assertThat(crm.analytics().trackedMembers(T, "recent_buyers")).contains(Set.of(ann.id(), cid.id()));
        assertThat(shop.storage.memberships().memberSince(T, "recent_buyers", cid.id())).contains(longAgo);
        assertThat(shop.storage.memberships().segmentsOf(T, bob.id())).containsExactly("retired_segment");
    }

    @Test
    void members_asksTheStorageForItsCapability_andFallsBackWhenRefused() {
        CustomerId pushed = CustomerId.of("pushed-down");
        Shop shop = new Shop(new ForwardingStorage(new InMemoryStorage()) {
            @Override
            public <C> Optional<C> capability(Class<C> type) {
                if (type != SegmentQueryCapability.class) {
                    return super.capability(type);
                }
                SegmentQueryCapability query = new SegmentQueryCapability() {
                    @Override
                    public Set<CustomerId> members(TenantId tenant, SegmentDefinition segment, Instant now,
                                                   ZoneId zone, ScoreReading scores) {
                        if (segment.name().equals("engaged")) {
                            throw new UnsupportedCapabilityException("ScoreCompare");
                        }
                        return Set.of(pushed);
                    }

                    @Override
                    public Optional<String> refusal(SegmentDefinition segment) {
                        return segment.name().equals("engaged") ? Optional.of("ScoreCompare: not kept here")
                                : Optional.empty();
                    }
                };
                return Optional.of(type.cast(query));
            }
        });
        Crm crm = shop.engine(1);
        Customer ann = Shop.register(crm, "Ann");
        shop.click(crm, ann, "c1");

        assertThat(crm.analytics().members(T, "recent_buyers")).containsExactly(pushed);
        assertThat(crm.analytics().members(T, "engaged")).containsExactly(ann.id());
        assertThat(crm.analytics().pushdownRefusal(T, "recent_buyers")).isEmpty();
        assertThat(crm.analytics().pushdownRefusal(T, "engaged")).contains("ScoreCompare: not kept here");
    }

    @Test
    void pushdownRefusal_withoutSegmentQueries_saysSo() {
        Crm crm = new Shop(new InMemoryStorage()).engine(1);

        assertThat(crm.analytics().pushdownRefusal(T, "recent_buyers")).contains(
                "the storage offers no segment queries");
    }
}
