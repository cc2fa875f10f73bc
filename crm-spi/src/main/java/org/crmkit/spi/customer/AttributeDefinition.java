package org.crmkit.spi.customer;

import java.util.Collections;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.ValueType;
import org.crmkit.spi.Checks;

/**
 * A host-defined custom attribute. Immutable and thread-safe.
 *
 * @param name      lower-case name ({@code [a-z][a-z0-9_]*}, at most 64 characters)
 * @param type      the type every value must have
 * @param constants the allowed values of an {@link ValueType#ENUMERATION} (non-empty there, empty otherwise)
 * @param currency  for {@link ValueType#MONEY}, the one currency values must have, if fixed; empty otherwise
 */
public record AttributeDefinition(String name, ValueType type, Set<String> constants, Optional<Currency> currency) {
    public AttributeDefinition {
        Checks.snake(name, "attribute.name", 64);
        Checks.notNull(type, "attribute.type");
        Checks.noNullElements(constants, "attribute.constants");
        constants.forEach(c -> Checks.token(c, "attribute.constants", 64));
        constants = Collections.unmodifiableSortedSet(new TreeSet<>(constants));
        Checks.notNull(currency, "attribute.currency");
        if ((type == ValueType.ENUMERATION) == constants.isEmpty()) {
            throw new ValidationException("attribute.constants",
                    type == ValueType.ENUMERATION ? "an enumeration needs at least one constant"
                            : "only an enumeration has constants");
        }
        if (currency.isPresent() && type != ValueType.MONEY) {
            throw new ValidationException("attribute.currency", "only a money attribute has a currency");
        }
    }

    public static AttributeDefinition of(String name, ValueType type) {
        return new AttributeDefinition(name, type, Set.of(), Optional.empty());
    }

    public static AttributeDefinition enumeration(String name, Set<String> constants) {
        return new AttributeDefinition(name, ValueType.ENUMERATION, constants, Optional.empty());
    }

    public static AttributeDefinition money(String name, Currency currency) {
        return new AttributeDefinition(name, ValueType.MONEY, Set.of(), Optional.of(Checks.notNull(currency,
                "currency")));
    }

    /**
     * Checks that {@code value} fits this definition.
     *
     * @throws ValidationException naming {@code attributes.<name>} and the reason
     */
    public void check(TypedValue value) {
        String field = "attributes." + name;
        Checks.notNull(value, field);
        if (value.type() != type) {
            throw new ValidationException(field, "expected a value of type " + type + " but got " + value.type());
        }
        if (value instanceof TypedValue.Choice choice && !constants.contains(choice.value())) {
            throw new ValidationException(field, "is not one of " + constants);
        }
        if (value instanceof TypedValue.Amount amount && currency.isPresent()
                && !currency.get().equals(amount.value().currency())) {
            throw new ValidationException(field, "must be in " + currency.get());
        }
    }
}
