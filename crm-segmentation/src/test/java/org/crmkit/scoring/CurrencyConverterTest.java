package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class CurrencyConverterTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    private static ExchangeRates fixed(String rate) {
        return (from, to, at) -> Optional.of(new BigDecimal(rate));
    }

    @Test
    void convert_amountInTheTarget_isReturnedWithoutAskingTheRates() {
        CurrencyConverter converter = CurrencyConverter.of(EUR, (from, to, at) -> {
            throw new IllegalStateException("not asked");
        });

        assertThat(converter.convert(Money.of("12.34", "EUR"), AT)).contains(Money.of("12.34", "EUR"));
    }

    @Test
    void convert_roundsEachProductHalfEvenToTheTargetsFractionDigits() {
        CurrencyConverter toEur = CurrencyConverter.of(EUR, fixed("0.5"));
        CurrencyConverter toYen = CurrencyConverter.of(JPY, fixed("1"));

        assertThat(toEur.convert(Money.of("10.05", "USD"), AT)).contains(Money.of("5.02", "EUR"));
        assertThat(toEur.convert(Money.of("10.07", "USD"), AT)).contains(Money.of("5.04", "EUR"));
        assertThat(toEur.convert(Money.of("-10.05", "USD"), AT)).contains(Money.of("-5.02", "EUR"));
        assertThat(toEur.convert(Money.of("1000", "JPY"), AT)).contains(Money.of("500.00", "EUR"));
        assertThat(toYen.convert(Money.of("10.50", "EUR"), AT)).contains(Money.of("10", "JPY"));
        assertThat(toYen.convert(Money.of("11.50", "EUR"), AT)).contains(Money.of("12", "JPY"));
    }

    @Test
    void convert_asksTheRateOfTheAmountsCurrencyAtTheInstant() {
        List<String> asked = new ArrayList<>();
        CurrencyConverter converter = CurrencyConverter.of(EUR, (from, to, at) -> {
            asked.add(from + ">" + to + "@" + at);
            return Optional.of(new BigDecimal("0.9"));
        });

        converter.convert(Money.of("10.00", "USD"), AT);

        assertThat(asked).containsExactly("USD>EUR@" + AT);
    }

    @Test
    void convert_declinedByTheRates_isEmpty() {
        assertThat(CurrencyConverter.of(EUR, ExchangeRates.none()).convert(Money.of("10.00", "USD"), AT)).isEmpty();
    }

    @Test
    void convert_ratesThatFail_areRefusedNamingRates() {
        IllegalStateException down = new IllegalStateException("rate service down");
        List<ExchangeRates> failing = List.of(
                (from, to, at) -> {
                    throw down;
                },
                (from, to, at) -> null,
                fixed("0"),
                fixed("-1.1"),
                fixed("1e30"));

        for (ExchangeRates rates : failing) {
            assertThatThrownBy(() -> CurrencyConverter.of(EUR, rates).convert(Money.of("10.00", "USD"), AT))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("rates");
                        assertThat(e.reason()).contains("USD", "EUR").doesNotContain("10.00", "rate service down");
                    });
        }
        assertThatThrownBy(() -> CurrencyConverter.of(EUR, failing.get(0)).convert(Money.of("10.00", "USD"), AT))
                .hasCause(down);
    }
}
