package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.interaction.Interaction;

/** RFM of a multi-currency order set against RFM of the same orders brought into one currency by hand. */
class RfmCurrencyProperties {
    private static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");

    /** One order: customer, days before the as-of instant (negative: after it), currency (empty: no amount). */
    record Order(int customer, int daysAgo, Optional<String> currency, long minorUnits) {
        Interaction in(String code) {
            Instant at = AS_OF.minus(Duration.ofDays(daysAgo));
            if (currency.isEmpty()) {
                return TestInteractions.orderWithoutAmount("c" + customer, at);
            }
            int digits = Currency.getInstance(currency.get()).getDefaultFractionDigits();
            return TestInteractions.order("c" + customer, at, BigDecimal.valueOf(minorUnits, digits).toPlainString(),
                    code);
        }

        Interaction asRecorded() {
            return in(currency.orElse("EUR"));
        }
    }

    @Provide
    Arbitrary<List<Order>> orders() {
        Arbitrary<Optional<String>> currency = Arbitraries.of("EUR", "USD", "GBP", "JPY").optional(0.85);
        return Combinators.combine(Arbitraries.integers().between(0, 25), Arbitraries.integers().between(-2, 40),
                        currency, Arbitraries.longs().between(-5_000, 2_000_000))
                .as(Order::new).list().ofMaxSize(150);
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of("EUR", "USD", "GBP");
    }

    @Property(tries = 300)
    void withoutRates_equalsTheAnalysisOfTheOrdersInTheTargetCurrencyAlone(
            @ForAll("orders") List<Order> orders, @ForAll("targets") String target) {
        List<Interaction> all = orders.stream().map(Order::asRecorded).toList();
        List<Interaction> inTarget = orders.stream()
                .filter(o -> o.currency().isEmpty() || o.currency().get().equals(target))
                .map(Order::asRecorded).toList();

        RfmAnalysis analysis = RfmScorer.of(Currency.getInstance(target)).analyse(all, AS_OF);
        RfmAnalysis expected = RfmScorer.of(Currency.getInstance(target)).analyse(inTarget, AS_OF);

        assertThat(analysis.scores()).isEqualTo(expected.scores());
        assertThat(analysis.table().countsByCode()).isEqualTo(expected.table().countsByCode());
        Map<Currency, Long> leftOut = orders.stream()
                .filter(o -> o.daysAgo() >= 0 && o.currency().isPresent() && !o.currency().get().equals(target))
                .collect(Collectors.groupingBy(o -> Currency.getInstance(o.currency().get()),
                        Collectors.counting()));
        assertThat(analysis.excluded()).isEqualTo(new OrderExclusions(leftOut, expected.excluded().withoutAmount()));
        assertThat(expected.excluded().otherCurrency()).isEmpty();
    }

    @Property(tries = 300)
    void withRatesOfOne_equalsTheAnalysisOfEveryOrderRelabelledToTheTargetCurrency(
            @ForAll("orders") List<Order> orders, @ForAll("targets") String target) {
        List<Interaction> all = orders.stream().map(Order::asRecorded).toList();
        List<Interaction> relabelled = orders.stream().map(o -> o.in(target)).toList();
        ExchangeRates one = (from, to, at) -> Optional.of(BigDecimal.ONE);

        RfmAnalysis analysis = RfmScorer.builder(Currency.getInstance(target)).rates(one).build().analyse(all, AS_OF);
        RfmAnalysis expected = RfmScorer.of(Currency.getInstance(target)).analyse(relabelled, AS_OF);

        assertThat(analysis.scores()).isEqualTo(expected.scores());
        assertThat(analysis.table().countsByCode()).isEqualTo(expected.table().countsByCode());
        assertThat(analysis.excluded()).isEqualTo(expected.excluded());
        assertThat(analysis.excluded().otherCurrency()).isEmpty();
    }
}
