package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.spi.interaction.Interaction;

/** Invariants of RFM scores over random order histories with many ties. */
class RfmScorerProperties {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");

    /** One customer's history: days since the last order, number of orders, amount of each order in cents. */
    record History(int daysAgo, int orders, int cents) {
    }

    @Provide
    Arbitrary<List<History>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 4),
                Arbitraries.oneOf(Arbitraries.integers().between(-500, 500).map(c -> c * 100),
                        Arbitraries.integers().between(-100_000, 10_000_000)))
                .as(History::new).list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 300)
    void scores_liveInOneToQ_areMonotone_andEqualValuesScoreEqually(
            @ForAll("histories") List<History> histories, @ForAll @IntRange(min = 2, max = 10) int quantiles,
            @ForAll long shuffleSeed) {
        List<Interaction> orders = new ArrayList<>();
        for (int c = 0; c < histories.size(); c++) {
            History h = histories.get(c);
            for (int k = 0; k < h.orders(); k++) {
                orders.add(TestInteractions.order("c" + c, AS_OF.minus(Duration.ofDays(h.daysAgo() + k)),
                        java.math.BigDecimal.valueOf(h.cents(), 2).toPlainString(), "EUR"));
            }
        }
        Collections.shuffle(orders, new Random(shuffleSeed));

        List<RfmScore> scores = RfmScorer.builder(EUR).quantiles(quantiles).build().analyse(orders, AS_OF).scores();

        assertThat(scores).hasSize(histories.size());
        for (RfmScore a : scores) {
            assertThat(List.of(a.r(), a.f(), a.m().getAsInt()))
                    .allSatisfy(s -> assertThat(s).isBetween(1, quantiles));
            for (RfmScore b : scores) {
                int money = a.monetary().orElseThrow().compareTo(b.monetary().orElseThrow());
                assertThat(Integer.signum(Integer.compare(a.m().getAsInt(), b.m().getAsInt())) * money)
                        .isGreaterThanOrEqualTo(0);
                if (money == 0) {
                    assertThat(a.m()).isEqualTo(b.m());
                }
                if (a.frequency() == b.frequency()) {
                    assertThat(a.f()).isEqualTo(b.f());
                } else if (a.frequency() > b.frequency()) {
                    assertThat(a.f()).isGreaterThanOrEqualTo(b.f());
                }
                if (a.recencyDays() == b.recencyDays()) {
                    assertThat(a.r()).isEqualTo(b.r());
                } else if (a.recencyDays() < b.recencyDays()) {
                    assertThat(a.r()).isGreaterThanOrEqualTo(b.r());
                }
            }
        }
    }

    @Property(tries = 200)
    void table_countsEveryCustomerOnce(@ForAll("histories") List<History> histories) {
        List<Interaction> orders = new ArrayList<>();
        for (int c = 0; c < histories.size(); c++) {
            orders.add(TestInteractions.order("c" + c, AS_OF.minus(Duration.ofDays(histories.get(c).daysAgo())),
                    "1", "EUR"));
        }

        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(orders, AS_OF);

        int cells = 0;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                cells += analysis.table().count(r, f);
            }
        }
        assertThat(cells).isEqualTo(histories.size());
        assertThat(analysis.table().countsByCode().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(histories.size());
        for (RfmScore s : analysis.scores()) {
            assertThat(analysis.table().count(s.r(), s.f(), s.m().getAsInt())).isPositive();
        }
    }
}
