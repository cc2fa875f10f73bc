package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.analytics.Shop.T;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.scoring.ClusterModel;
import org.crmkit.scoring.Purchase;
import org.crmkit.scoring.SyntheticPurchases;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.junit.jupiter.api.Test;

/** A second engine on the same storage, or the same engine restarted, answers what the first would. */
class SharedStorageAnalyticsTest {
    static final Currency EUR = Currency.getInstance("EUR");
    static final List<String> SCORES = List.of("engagement", "rfm.recency", "rfm.frequency", "rfm.monetary",
            "rfm.cluster", "clv.expected_value", "clv.p_alive", "clv.expected_purchases");
    static final List<String> SEGMENTS = List.of("recent_buyers", "engaged", "big_spenders", "profile_zero",
            "valuable");

    final Shop shop = new Shop(new InMemoryStorage());
    final List<Customer> customers = new ArrayList<>();

    Crm engine(long seed) {
        Crm crm = shop.engine(seed);
        crm.analytics().catalog(T).define("big_spenders", "rfm.monetary >= 4");
        crm.analytics().catalog(T).define("profile_zero", "rfm.cluster = 0");
        crm.analytics().catalog(T).define("valuable", "clv.expected_value > 50 and not segment(\"profile_zero\")");
        return crm;
    }

    /**
     * 80 customers buying as the BG/NBD and Gamma-Gamma models draw it over 39 weeks, clicking now and then, then
     * every batch scoring, through {@code crm}.
     */
    void trade(Crm crm) {
        LocalDate start = LocalDate.ofInstant(shop.clock.instant(), ZoneOffset.UTC);
        SyntheticPurchases drawn = SyntheticPurchases.builder().seed(11).customers(80)
                .purchaseProcess(0.24, 4.41, 0.79, 2.43).spend(6.25, 3.74, 15.44)
                .births(start, start.plusWeeks(12)).observationEnd(start.plusWeeks(39)).build();
        Map<String, Customer> byKey = new HashMap<>();
        List<Purchase> purchases = new ArrayList<>(drawn.purchases());
        purchases.sort(Comparator.comparing(Purchase::date));
        Random random = new Random(11);
        int n = 0;
        for (Purchase p : purchases) {
            shop.clock.set(p.date().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(n));
            Customer c = byKey.computeIfAbsent(p.customerKey(), k -> Shop.register(crm, "C" + k));
            shop.order(crm, c, "o" + n, p.amount().setScale(2, RoundingMode.HALF_UP).toPlainString());
            if (random.nextInt(3) == 0) {
                shop.click(crm, c, "c" + n);
            }
            n++;
        }
        customers.addAll(byKey.values());
        shop.clock.set(start.plusWeeks(39).atStartOfDay(ZoneOffset.UTC).toInstant());
        ClusterModel profiles = crm.analytics().profiles(T, crm.analytics().rfm(T, EUR), 3, 7);
        assertThat(profiles.clusters()).hasSize(3);
        crm.analytics().lifetimeValues(T, EUR, 26);
    }

    Map<String, Optional<Double>> scores(Crm crm) {
        Map<String, Optional<Double>> all = new HashMap<>();
        for (Customer c : customers) {
            for (String name : SCORES) {
                all.put(c.id().value() + "/" + name, crm.analytics().score(T, c.id(), name));
            }
        }
        return all;
    }

    Map<String, Set<CustomerId>> members(Crm crm) {
        Map<String, Set<CustomerId>> all = new HashMap<>();
        SEGMENTS.forEach(s -> all.put(s, crm.analytics().members(T, s)));
        return all;
    }

    Map<String, Optional<Set<CustomerId>>> tracked(Crm crm) {
        Map<String, Optional<Set<CustomerId>>> all = new HashMap<>();
        SEGMENTS.forEach(s -> all.put(s, crm.analytics().trackedMembers(T, s)));
        return all;
    }

    @Test
    void secondEngine_answersTheSameScoresMembersAndTrackedMembers_andPublishesNothingNew() {
        Crm first = engine(1);
        first.analytics().track(T);
        trade(first);
        int published = shop.written(DomainEvent.SegmentMembershipChanged.class).size();

        Crm second = engine(2);
        second.analytics().track(T);

        assertThat(scores(first).values()).filteredOn(Optional::isPresent).hasSizeGreaterThan(200);
        assertThat(members(first).values()).allSatisfy(m -> assertThat(m).isNotEmpty());
        assertThat(scores(second)).isEqualTo(scores(first));
        assertThat(members(second)).isEqualTo(members(first));
        assertThat(tracked(second)).isEqualTo(tracked(first));
        assertThat(tracked(first).values()).allSatisfy(t -> assertThat(t).isPresent());
        assertThat(shop.written(DomainEvent.SegmentMembershipChanged.class)).hasSize(published);
    }

    @Test
    void restartedEngine_answersTheSame() {
        Crm before = engine(1);
        before.analytics().track(T);
        trade(before);
        Map<String, Optional<Double>> scores = scores(before);
        Map<String, Set<CustomerId>> members = members(before);
        Map<String, Optional<Set<CustomerId>>> tracked = tracked(before);
        int published = shop.written(DomainEvent.SegmentMembershipChanged.class).size();
        before.close();

        Crm after = engine(3);
        after.analytics().track(T);

        assertThat(scores(after)).isEqualTo(scores);
        assertThat(members(after)).isEqualTo(members);
        assertThat(tracked(after)).isEqualTo(tracked);
        assertThat(shop.written(DomainEvent.SegmentMembershipChanged.class)).hasSize(published);
    }

    @Test
    void writesThroughEitherEngine_reachTheOthersTrackedMembersAndScores() {
        Crm one = engine(1);
        Crm two = engine(2);
        one.analytics().track(T);
        two.analytics().track(T);
        Customer ann = Shop.register(one, "Ann");

        shop.click(two, ann, "c1");
        shop.order(one, ann, "o1", "10.00");

        assertThat(one.analytics().score(T, ann.id(), "engagement")).contains(5.0);
        assertThat(one.analytics().trackedMembers(T, "engaged")).contains(Set.of(ann.id()));
        assertThat(two.analytics().trackedMembers(T, "recent_buyers")).contains(Set.of(ann.id()));
        assertThat(shop.written(DomainEvent.SegmentMembershipChanged.class)).hasSize(2);
    }
}
