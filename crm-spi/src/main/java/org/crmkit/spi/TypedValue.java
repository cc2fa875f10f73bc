package org.crmkit.spi;

import java.math.BigDecimal;
import java.time.LocalDate;


/**
 * A typed value of a custom attribute or an interaction property: text, number, boolean, date, enumeration
 * constant or money. Immutable and thread-safe.
 */
public sealed interface TypedValue {
    /** Longest text value, in characters. */
    int MAX_TEXT_LENGTH = 4_000;

    /** The type this value has. */
    ValueType type();

    static TypedValue of(String text) {
        return new Text(text);
    }

    static TypedValue of(BigDecimal number) {
        return new Number(number);
    }

    static TypedValue of(long number) {
        return new Number(BigDecimal.valueOf(number));
    }

    static TypedValue of(boolean flag) {
        return new Bool(flag);
    }

    static TypedValue of(LocalDate date) {
        return new Date(date);
    }

    static TypedValue of(Money money) {
        return new Amount(money);
    }

    static TypedValue choice(String constant) {
        return new Choice(constant);
    }

    /**
     * Free text of at most {@value #MAX_TEXT_LENGTH} characters; may be empty and span lines
     * ({@link Checks#bounded}).
     */
    record Text(String value) implements TypedValue {
        public Text {
            Checks.bounded(value, "value", MAX_TEXT_LENGTH);
        }

        @Override
        public ValueType type() {
            return ValueType.STRING;
        }
    }

    /** A decimal number; trailing zeros are insignificant ({@code 1.50} equals {@code 1.5}). */
    record Number(BigDecimal value) implements TypedValue {
        public Number {
            Checks.notNull(value, "value");
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            if (value.precision() > 38 || Math.abs(value.scale()) > 64) {
                throw new ValidationException("value", "number out of range (precision 38, scale ±64)");
            }
        }

        @Override
        public ValueType type() {
            return ValueType.NUMBER;
        }
    }

    record Bool(boolean value) implements TypedValue {
        @Override
        public ValueType type() {
            return ValueType.BOOLEAN;
        }
    }

    /** A calendar date without time zone. */
    record Date(LocalDate value) implements TypedValue {
        public Date {
            Checks.notNull(value, "value");
        }

        @Override
        public ValueType type() {
            return ValueType.DATE;
        }
    }

    /** A constant of an enumeration defined in an attribute schema. */
    record Choice(String value) implements TypedValue {
        public Choice {
            Checks.token(value, "value", 64);
        }

        @Override
        public ValueType type() {
            return ValueType.ENUMERATION;
        }
    }

    record Amount(Money value) implements TypedValue {
        public Amount {
            Checks.notNull(value, "value");
        }

        @Override
        public ValueType type() {
            return ValueType.MONEY;
        }
    }
}
