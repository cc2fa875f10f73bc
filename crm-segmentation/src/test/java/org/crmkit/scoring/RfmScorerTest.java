package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.scoring.TestInteractions.anonymousOrder;
import static org.crmkit.scoring.TestInteractions.order;
import static org.crmkit.scoring.TestInteractions.orderWithoutAmount;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.junit.jupiter.api.Test;

class RfmScorerTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant AS_OF = Instant.parse("2025-06-30T12:00:00Z");

    @Test
    void analyse_distinctValues_scoresQuintilesByRank() {
        List<Interaction> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(order("c" + i, AS_OF.minus(Duration.ofDays(10 - i)), (i + 1) * 10 + ".00", "EUR"));
        }

        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(orders, AS_OF);

        assertThat(column(analysis, s -> s.m().getAsInt())).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(column(analysis, RfmScore::r)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(column(analysis, RfmScore::f)).containsOnly(1);
        assertThat(RfmScorer.of(EUR).analyse(orders.stream(), AS_OF).scores()).isEqualTo(analysis.scores());
    }

    @Test
    void analyse_ties_shareTheScoreOfTheirFirstRank() {
        long[] daysAgo = {0, 1, 1, 3, 10, 10, 10, 30, 90, 365};
        int[] frequency = {5, 3, 2, 2, 1, 1, 1, 1, 1, 1};
        String[] money = {"60", "50", "50", "40", "30", "20", "20", "10", "10", "10"};
        List<Interaction> orders = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            Instant last = AS_OF.minus(Duration.ofDays(daysAgo[c]));
            orders.add(order("c" + c, last, money[c], "EUR"));
            for (int k = 1; k < frequency[c]; k++) {
                orders.add(orderWithoutAmount("c" + c, last.minus(Duration.ofDays(k))));
            }
        }

        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(orders, AS_OF);

        // recency days 0,1,1,3,10,10,10,30,90,365: customers with strictly older values 9,7,7,6,3,3,3,2,1,0
        assertThat(column(analysis, RfmScore::r)).containsExactly(5, 4, 4, 4, 2, 2, 2, 2, 1, 1);
        // frequency 5,3,2,2,1×6: strictly fewer 9,8,6,6,0×6
        assertThat(column(analysis, RfmScore::f)).containsExactly(5, 5, 4, 4, 1, 1, 1, 1, 1, 1);
        // monetary 60,50,50,40,30,20,20,10,10,10: strictly less 9,7,7,6,5,3,3,0,0,0
        assertThat(column(analysis, s -> s.m().getAsInt())).containsExactly(5, 4, 4, 4, 3, 2, 2, 1, 1, 1);
        assertThat(analysis.score(CustomerId.of("c0")).orElseThrow().code()).isEqualTo("555");
    }

    @Test
    void analyse_sumsAmountsExactly_refundsSubtract_andOrdersWithoutAmountCountInFrequencyOnly() {
        List<Interaction> orders = List.of(
                order("a", AS_OF.minus(Duration.ofDays(3)), "19.99", "EUR"),
                order("a", AS_OF.minus(Duration.ofDays(2)), "0.01", "EUR"),
                orderWithoutAmount("a", AS_OF.minus(Duration.ofDays(9))),
                order("a", AS_OF.minus(Duration.ofDays(1)), "-5.00", "EUR"));

        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(orders, AS_OF);
        RfmScore a = analysis.score(CustomerId.of("a")).orElseThrow();

        assertThat(a.frequency()).isEqualTo(4);
        assertThat(a.monetary()).contains(Money.of("15.00", "EUR"));
        assertThat(a.m()).hasValue(1);
        assertThat(analysis.excluded()).isEqualTo(new OrderExclusions(Map.of(), 1));
        assertThat(a.recencyDays()).isEqualTo(1);
        assertThat(a.lastOrderAt()).isEqualTo(AS_OF.minus(Duration.ofDays(1)));
    }

    @Test
    void analyse_currencyWithoutDecimals_keepsItsScale() {
        RfmScore a = RfmScorer.of(Currency.getInstance("JPY"))
                .analyse(List.of(order("a", AS_OF, "1200", "JPY"), order("a", AS_OF, "35", "JPY")), AS_OF)
                .score(CustomerId.of("a")).orElseThrow();

        assertThat(a.monetary()).contains(Money.of("1235", "JPY"));
    }

    @Test
    void analyse_recency_countsWholeDaysRoundedDown() {
        List<Interaction> orders = List.of(
                order("same_day", AS_OF.minus(Duration.ofHours(23).plusMinutes(59)), "1", "EUR"),
                order("one_day", AS_OF.minus(Duration.ofHours(24)), "1", "EUR"),
                order("nanos", AS_OF.minus(Duration.ofDays(2)).plusNanos(1), "1", "EUR"));

        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(orders, AS_OF);

        assertThat(analysis.score(CustomerId.of("same_day")).orElseThrow().recencyDays()).isZero();
        assertThat(analysis.score(CustomerId.of("one_day")).orElseThrow().recencyDays()).isEqualTo(1);
        assertThat(analysis.score(CustomerId.of("nanos")).orElseThrow().recencyDays()).isEqualTo(1);
    }

    @Test
    void analyse_ignoresAnonymousOtherTypesAndInteractionsAfterAsOf() {
        List<Interaction> interactions = List.of(
                order("a", AS_OF.minus(Duration.ofDays(1)), "10", "EUR"),
                anonymousOrder("v1", AS_OF.minus(Duration.ofDays(1)), "99"),
                TestInteractions.of("b", Channel.WEB, InteractionType.PAGE_VIEW, AS_OF.minus(Duration.ofDays(1))),
                order("a", AS_OF.plusSeconds(1), "1000", "EUR"),
                order("c", AS_OF.plusSeconds(1), "1000", "EUR"));

        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(interactions, AS_OF);

        assertThat(analysis.size()).isEqualTo(1);
        assertThat(analysis.score(CustomerId.of("a")).orElseThrow().monetary()).contains(Money.of("10", "EUR"));
        assertThat(analysis.score(CustomerId.of("b"))).isEmpty();
        assertThat(analysis.score(CustomerId.of("c"))).isEmpty();
    }

    @Test
    void analyse_configuredType_countsThatTypeOnly_withoutMonetaryWhenItHasNoAmounts() {
        InteractionType visit = InteractionType.of("store_visit");
        List<Interaction> interactions = List.of(
                TestInteractions.of("a", Channel.IN_PERSON, visit, AS_OF.minus(Duration.ofDays(2))),
                order("b", AS_OF, "10", "EUR"));

        RfmAnalysis analysis = RfmScorer.builder(EUR).type(visit).build().analyse(interactions, AS_OF);

        assertThat(analysis.scores()).extracting(RfmScore::customerId).containsExactly(CustomerId.of("a"));
        assertThat(analysis.scores().get(0).monetary()).isEmpty();
        assertThat(analysis.scores().get(0).m()).isEmpty();
        assertThat(analysis.excluded().withoutAmount()).isEqualTo(1);
    }

    @Test
    void analyse_monetaryBeyondALong_isRefused() {
        List<Interaction> huge = List.of(order("a", AS_OF, "999999999999999999.99", "EUR"));
        List<Interaction> overflowing = List.of(order("a", AS_OF, "50000000000000000", "EUR"),
                order("a", AS_OF, "50000000000000000", "EUR"));

        for (List<Interaction> orders : List.of(huge, overflowing)) {
            assertThatThrownBy(() -> RfmScorer.of(EUR).analyse(orders, AS_OF))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("monetary"));
        }
    }

    @Test
    void analyse_nullInteraction_isRefusedNamingItsPosition() {
        List<Interaction> orders = Arrays.asList(order("a", AS_OF, "10", "EUR"), null);

        assertThatThrownBy(() -> RfmScorer.of(EUR).analyse(orders, AS_OF))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("interactions[1]"));
    }

    @Test
    void analyse_noOrders_givesAnEmptyAnalysis() {
        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(List.of(), AS_OF);

        assertThat(analysis.size()).isZero();
        assertThat(analysis.scores()).isEmpty();
        assertThat(analysis.table().total()).isZero();
    }

    @Test
    void builder_quantilesOutOfRange_failsInTheSetter() {
        assertThatThrownBy(() -> RfmScorer.builder(EUR).quantiles(1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("quantiles"));
        assertThatThrownBy(() -> RfmScorer.builder(EUR).quantiles(11))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("quantiles"));
    }

    @Test
    void table_countsCellsAndCodes_andRendersTheGrid() {
        List<Interaction> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(order("c" + i, AS_OF.minus(Duration.ofDays(4 - i)), (i + 1) + "", "EUR"));
        }

        RfmTable table = RfmScorer.builder(EUR).quantiles(2).build().analyse(orders, AS_OF).table();

        assertThat(table.total()).isEqualTo(4);
        assertThat(table.count(2, 1)).isEqualTo(2);
        assertThat(table.count(1, 1)).isEqualTo(2);
        assertThat(table.count(2, 2)).isZero();
        assertThat(table.countsByCode()).containsExactly(
                org.assertj.core.api.Assertions.entry("111", 2), org.assertj.core.api.Assertions.entry("212", 2));
        assertThat(table.render()).isEqualTo("""
                 R\\F   1   2
                   2   2   0
                   1   2   0
                """);
    }

    @Test
    void featureRows_giveRecencyFrequencyAndMajorUnits_forClustering() {
        List<Interaction> orders = List.of(
                order("a", AS_OF.minus(Duration.ofDays(3)), "19.99", "EUR"),
                order("a", AS_OF.minus(Duration.ofDays(5)), "0.01", "EUR"),
                order("b", AS_OF.minus(Duration.ofDays(40)), "7.50", "EUR"));

        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(orders, AS_OF);

        assertThat(analysis.featureRows()).isDeepEqualTo(new double[][] {{3, 2, 20.0}, {40, 1, 7.5}});
        ClusterModel model = Clustering.builder(2, 1).build().fit(RfmAnalysis.FEATURE_NAMES, analysis.featureRows());
        assertThat(model.assign(new double[] {2, 3, 25})).isEqualTo(model.assignments()[0]);
    }

    @Test
    void code_joinsTheScores_withDashesOnceAScoreHasTwoDigits() {
        Optional<Money> zero = Optional.of(Money.zero(EUR));
        RfmScore low = new RfmScore(CustomerId.of("a"), AS_OF, 0, 1, zero, 5, 4, OptionalInt.of(3));
        RfmScore high = new RfmScore(CustomerId.of("a"), AS_OF, 0, 1, zero, 10, 3, OptionalInt.of(7));
        RfmScore lowUnpriced = new RfmScore(CustomerId.of("a"), AS_OF, 0, 1, Optional.empty(), 5, 4,
                OptionalInt.empty());
        RfmScore highUnpriced = new RfmScore(CustomerId.of("a"), AS_OF, 0, 1, Optional.empty(), 10, 3,
                OptionalInt.empty());

        assertThat(low.code()).isEqualTo("543");
        assertThat(high.code()).isEqualTo("10-3-7");
        assertThat(lowUnpriced.code()).isEqualTo("54-");
        assertThat(highUnpriced.code()).isEqualTo("10-3-");
        assertThatThrownBy(() -> new RfmScore(CustomerId.of("a"), AS_OF, 0, 1, zero, 0, 1, OptionalInt.of(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("r"));
    }

    @Test
    void score_monetaryAndMScore_areBothPresentOrBothEmpty() {
        Optional<Money> zero = Optional.of(Money.zero(EUR));

        assertThatThrownBy(() -> new RfmScore(CustomerId.of("a"), AS_OF, 0, 1, zero, 1, 1, OptionalInt.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("m"));
        assertThatThrownBy(() -> new RfmScore(CustomerId.of("a"), AS_OF, 0, 1, Optional.empty(), 1, 1,
                OptionalInt.of(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("m"));
    }

    @Test
    void analyse_tenQuantiles_scoresDeciles() {
        List<Interaction> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(order("c" + i, AS_OF, (i + 1) + "", "EUR"));
        }

        RfmAnalysis analysis = RfmScorer.builder(EUR).quantiles(10).build().analyse(orders, AS_OF);

        assertThat(column(analysis, s -> s.m().getAsInt()))
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10);
        assertThat(analysis.table().countsByCode()).containsEntry("111", 2).containsEntry("1-1-10", 2);
    }

    private static List<Integer> column(RfmAnalysis analysis, java.util.function.ToIntFunction<RfmScore> score) {
        return analysis.scores().stream().map(s -> score.applyAsInt(s)).toList();
    }
}
