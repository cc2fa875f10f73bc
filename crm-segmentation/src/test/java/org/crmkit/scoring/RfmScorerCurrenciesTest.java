package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.crmkit.scoring.TestInteractions.order;
import static org.crmkit.scoring.TestInteractions.orderWithoutAmount;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;
import org.junit.jupiter.api.Test;

/** RFM over orders in several currencies, with and without exchange rates, and over orders without an amount. */
class RfmScorerCurrenciesTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Instant AS_OF = Instant.parse("2025-06-30T12:00:00Z");

    @Test
    void analyse_ordersInOtherCurrencies_areLeftOutWholeAndCountedByCurrency() {
        List<Interaction> orders = List.of(
                order("a", AS_OF.minus(Duration.ofDays(5)), "20.00", "EUR"),
                order("a", AS_OF.minus(Duration.ofDays(1)), "30.00", "USD"),
                order("b", AS_OF.minus(Duration.ofDays(2)), "99.00", "USD"),
                order("c", AS_OF.minus(Duration.ofDays(2)), "5.00", "GBP"),
                order("d", AS_OF.plusSeconds(1), "5.00", "GBP"));

        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(orders, AS_OF);

        RfmScore a = analysis.score(CustomerId.of("a")).orElseThrow();
        assertThat(analysis.size()).isEqualTo(1);
        assertThat(a.frequency()).isEqualTo(1);
        assertThat(a.recencyDays()).isEqualTo(5);
        assertThat(a.monetary()).contains(Money.of("20.00", "EUR"));
        assertThat(analysis.excluded().otherCurrency()).containsExactly(entry(GBP, 1L), entry(USD, 2L));
        assertThat(analysis.excluded().withoutAmount()).isZero();
    }

    @Test
    void analyse_withRates_convertsEachOrderAtItsInstant_roundingHalfEven() {
        Instant earlier = AS_OF.minus(Duration.ofDays(10));
        List<Interaction> orders = List.of(
                order("a", earlier, "10.05", "USD"),
                order("a", AS_OF.minus(Duration.ofDays(1)), "10.05", "USD"),
                order("a", AS_OF.minus(Duration.ofDays(2)), "1.00", "EUR"));
        ExchangeRates rates = (from, to, at) -> Optional.of(new BigDecimal(at.equals(earlier) ? "0.5" : "0.7"));

        RfmAnalysis analysis = RfmScorer.builder(EUR).rates(rates).build().analyse(orders, AS_OF);

        RfmScore a = analysis.score(CustomerId.of("a")).orElseThrow();
        // 10.05 × 0.5 = 5.025 → 5.02 (half-even), 10.05 × 0.7 = 7.035 → 7.04, plus 1.00
        assertThat(a.monetary()).contains(Money.of("13.06", "EUR"));
        assertThat(a.frequency()).isEqualTo(3);
        assertThat(a.recencyDays()).isEqualTo(1);
        assertThat(analysis.excluded().isEmpty()).isTrue();
    }

    @Test
    void analyse_ratesThatDecline_leaveTheOrderOutAndCountIt() {
        List<Interaction> orders = List.of(
                order("a", AS_OF, "10.00", "USD"),
                order("b", AS_OF, "10.00", "GBP"));
        ExchangeRates usdOnly = (from, to, at) -> from.equals(USD) ? Optional.of(BigDecimal.ONE) : Optional.empty();

        RfmAnalysis analysis = RfmScorer.builder(EUR).rates(usdOnly).build().analyse(orders, AS_OF);

        assertThat(analysis.scores()).extracting(RfmScore::customerId).containsExactly(CustomerId.of("a"));
        assertThat(analysis.excluded().otherCurrency()).containsExactly(entry(GBP, 1L));
    }

    @Test
    void analyse_ratesThatFail_areRefusedNamingRates() {
        List<Interaction> orders = List.of(order("a", AS_OF, "10.00", "EUR"), order("b", AS_OF, "10.00", "USD"));
        ExchangeRates failing = (from, to, at) -> {
            throw new IllegalStateException("down");
        };

        for (ExchangeRates rates : List.of(failing, (from, to, at) -> Optional.of(BigDecimal.ZERO))) {
            assertThatThrownBy(() -> RfmScorer.builder(EUR).rates(rates).build().analyse(orders, AS_OF))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("rates"));
        }
        assertThatThrownBy(() -> RfmScorer.builder(EUR).rates(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rates"));
    }

    @Test
    void analyse_customersWithoutAnyAmount_haveNoMScore_andTheOthersAreRankedAmongThemselves() {
        List<Interaction> orders = List.of(
                order("a", AS_OF, "10.00", "EUR"),
                order("b", AS_OF, "20.00", "EUR"),
                orderWithoutAmount("c", AS_OF),
                orderWithoutAmount("c", AS_OF.minus(Duration.ofDays(1))),
                order("d", AS_OF, "30.00", "EUR"),
                orderWithoutAmount("d", AS_OF));

        RfmAnalysis analysis = RfmScorer.builder(EUR).quantiles(3).build().analyse(orders, AS_OF);

        RfmScore c = analysis.score(CustomerId.of("c")).orElseThrow();
        assertThat(analysis.scores()).extracting(s -> s.m().orElse(0)).containsExactly(1, 2, 0, 3);
        assertThat(c.monetary()).isEmpty();
        assertThat(c.frequency()).isEqualTo(2);
        assertThat(c.code()).isEqualTo(c.r() + "" + c.f() + "-");
        assertThat(analysis.score(CustomerId.of("d")).orElseThrow().monetary()).contains(Money.of("30.00", "EUR"));
        assertThat(analysis.excluded()).isEqualTo(new OrderExclusions(Map.of(), 3));
        RfmTable table = analysis.table();
        assertThat(table.countWithoutMonetary(c.r(), c.f())).isEqualTo(1);
        assertThat(table.count(c.r(), c.f())).isEqualTo(table.countWithoutMonetary(c.r(), c.f())
                + table.count(c.r(), c.f(), 1) + table.count(c.r(), c.f(), 2) + table.count(c.r(), c.f(), 3));
        assertThat(table.countsByCode()).containsEntry(c.code(), 1);
        assertThat(table.countsByCode().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
    }

    @Test
    void featureRows_leaveOutCustomersWithoutMonetary_inScoresOrder() {
        List<Interaction> orders = new ArrayList<>(List.of(
                order("a", AS_OF.minus(Duration.ofDays(3)), "19.99", "EUR"),
                orderWithoutAmount("b", AS_OF.minus(Duration.ofDays(4))),
                order("c", AS_OF.minus(Duration.ofDays(40)), "7.50", "EUR")));

        RfmAnalysis analysis = RfmScorer.of(EUR).analyse(orders, AS_OF);

        assertThat(analysis.featureRows()).isDeepEqualTo(new double[][] {{3, 1, 19.99}, {40, 1, 7.5}});
    }
}
