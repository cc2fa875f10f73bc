package org.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class RevenueTest {
    static final Currency EUR = Currency.getInstance("EUR");
    static final Money LARGEST = Money.of("999999999999999999.99", "EUR");

    @Test
    void plus_goesBeyondTheLargestMoneyAmount() {
        Revenue sum = Revenue.zero(EUR).plus(LARGEST).plus(LARGEST);

        assertThat(sum.amount()).isEqualByComparingTo("1999999999999999999.98");
        assertThat(sum).hasToString("1999999999999999999.98 EUR");
    }

    @Test
    void amount_isHeldAtTheCurrencyScale() {
        assertThat(new Revenue(new BigDecimal("12.5"), EUR)).isEqualTo(new Revenue(new BigDecimal("12.500"), EUR));
        assertThat(new Revenue(new BigDecimal("12.5"), EUR).amount().scale()).isEqualTo(2);
        assertThat(new Revenue(new BigDecimal("5000"), Currency.getInstance("JPY"))).hasToString("5000 JPY");
    }

    @Test
    void amount_withMoreDecimalsThanTheCurrency_isRefused() {
        assertThatThrownBy(() -> new Revenue(new BigDecimal("1.005"), EUR))
                .isInstanceOf(ValidationException.class).hasMessage("amount: has more than 2 decimals for EUR");
    }

    @Test
    void plus_anotherCurrency_isRefused() {
        assertThatThrownBy(() -> Revenue.zero(EUR).plus(Money.of("1", "USD")))
                .isInstanceOf(ValidationException.class).hasMessage("currency: cannot add USD to EUR");
    }

    @Test
    void nulls_areRefusedNamingTheField() {
        assertThatThrownBy(() -> new Revenue(null, EUR)).isInstanceOf(ValidationException.class)
                .hasMessage("amount: must not be null");
        assertThatThrownBy(() -> Revenue.zero(EUR).plus(null)).isInstanceOf(ValidationException.class)
                .hasMessage("money: must not be null");
    }
}
