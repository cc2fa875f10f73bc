package org.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void amount_isKeptAtTheCurrencyScale() {
        assertThat(Money.of("12.5", "EUR").amount()).isEqualByComparingTo("12.50").hasScaleOf(2);
        assertThat(Money.of("5000", "JPY").amount()).hasScaleOf(0);
        assertThat(Money.of(new BigDecimal("1.2300"), Money.parseCurrency("EUR")).amount()).hasScaleOf(2);
    }

    @Test
    void moreDecimalsThanTheCurrencyHas_areRefused() {
        assertThatThrownBy(() -> Money.of("0.001", "EUR")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("decimals");
    }

    @Test
    void hugeExponents_areRefusedAtOnce() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e999999999"), Money.parseCurrency("EUR")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("integer digits");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e-999999999"), Money.parseCurrency("EUR")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("decimals");
        assertThat(Money.of(new BigDecimal("0e-999999999"), Money.parseCurrency("EUR")).amount())
                .isEqualByComparingTo("0");
    }

    @Test
    void plus_refusesMixedCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(ValidationException.class);
    }
}
