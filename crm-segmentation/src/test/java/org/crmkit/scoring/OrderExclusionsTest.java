package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class OrderExclusionsTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency CHF = Currency.getInstance("CHF");

    @Test
    void otherCurrency_isIteratedByCurrencyCode_andCannotBeChanged() {
        OrderExclusions excluded = new OrderExclusions(Map.of(USD, 3L, GBP, 1L, CHF, 2L), 4);

        assertThat(excluded.otherCurrency().keySet()).containsExactly(CHF, GBP, USD);
        assertThat(excluded.otherCurrencyTotal()).isEqualTo(6);
        assertThat(excluded.isEmpty()).isFalse();
        assertThatThrownBy(() -> excluded.otherCurrency().put(USD, 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void none_isEmpty() {
        assertThat(OrderExclusions.none().isEmpty()).isTrue();
        assertThat(OrderExclusions.none().otherCurrencyTotal()).isZero();
        assertThat(new OrderExclusions(Map.of(), 1).isEmpty()).isFalse();
    }

    @Test
    void counts_mustBePositivePerCurrency_andNonNegativeWithoutAmount() {
        Map<Currency, Long> nullKey = new HashMap<>();
        nullKey.put(null, 1L);
        Map<Currency, Long> nullCount = new HashMap<>();
        nullCount.put(USD, null);

        assertThatThrownBy(() -> new OrderExclusions(Map.of(USD, 0L), 0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("otherCurrency.USD"));
        assertThatThrownBy(() -> new OrderExclusions(nullKey, 0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("otherCurrency.key"));
        assertThatThrownBy(() -> new OrderExclusions(nullCount, 0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("otherCurrency.USD"));
        assertThatThrownBy(() -> new OrderExclusions(Map.of(), -1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("withoutAmount"));
    }
}
