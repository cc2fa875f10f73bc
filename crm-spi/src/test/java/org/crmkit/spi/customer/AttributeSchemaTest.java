package org.crmkit.spi.customer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.ValueType;
import org.junit.jupiter.api.Test;

class AttributeSchemaTest {
    private final AttributeSchema schema = AttributeSchema.of(
            AttributeDefinition.of("birthday", ValueType.DATE),
            AttributeDefinition.of("score", ValueType.NUMBER),
            AttributeDefinition.enumeration("tier", Set.of("gold", "silver")),
            AttributeDefinition.money("credit_limit", Money.parseCurrency("EUR")));

    @Test
    void validate_acceptsValuesOfTheDeclaredTypes() {
        assertThatCode(() -> schema.validate(Map.of(
                "birthday", TypedValue.of(LocalDate.of(1990, 5, 17)),
                "score", TypedValue.of(new BigDecimal("12.5")),
                "tier", TypedValue.choice("gold"),
                "credit_limit", TypedValue.of(Money.of("1000.00", "EUR"))))).doesNotThrowAnyException();
    }

    @Test
    void validate_unknownAttribute_namesIt() {
        assertThatThrownBy(() -> schema.validate(Map.of("shoe_size", TypedValue.of(42))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("shoe_size");
    }

    @Test
    void validate_wrongType_namesTheAttributeAndTheTypes() {
        assertThatThrownBy(() -> schema.validate(Map.of("birthday", TypedValue.of("yesterday"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("birthday");
    }

    @Test
    void validate_constantOutsideTheEnumeration_isRefused() {
        assertThatThrownBy(() -> schema.validate(Map.of("tier", TypedValue.choice("platinum"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tier");
    }

    @Test
    void validate_moneyInAnotherCurrency_isRefused() {
        assertThatThrownBy(() -> schema.validate(Map.of("credit_limit", TypedValue.of(Money.of("5", "USD")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("credit_limit");
    }
}
