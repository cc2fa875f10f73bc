package org.crmkit.spi.segment;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * The whole days, months or years from a date of the customer to today compare to {@code amount}: "last login more
 * than 30 days ago" ({@code days_since(last_login) > 30}), "in the current stage for a year or more"
 * ({@code years_since(stage) >= 1}). Immutable and thread-safe.
 *
 * <p>Today is the date of now in the evaluator's time zone. The date is the value of a {@code DATE} attribute, or
 * the date (in that zone) on which the customer entered its current stage or was created. The figure is
 * {@code unit.between(date, today)}: whole units, negative for a date in the future. A missing attribute makes the
 * condition false.
 *
 * @param from      which date
 * @param attribute the attribute when {@code from} is {@link From#ATTRIBUTE}, empty otherwise
 * @param unit      {@link ChronoUnit#DAYS}, {@link ChronoUnit#MONTHS} or {@link ChronoUnit#YEARS}
 * @param operator  how the figure compares
 * @param amount    -{@value #MAX_AMOUNT} to {@value #MAX_AMOUNT}
 */
public record TimeSince(From from, Optional<String> attribute, ChronoUnit unit, Operator operator, long amount)
        implements Condition {
    /** Largest amount, in absolute value. */
    public static final long MAX_AMOUNT = 1_000_000;

    /** Where the date comes from. */
    public enum From {
        /** A {@code DATE} attribute. */
        ATTRIBUTE,
        /** The last stage transition: when the customer entered its current stage. */
        STAGE_ENTERED,
        /** The customer's creation. */
        CREATED
    }

    public TimeSince {
        Checks.notNull(from, "timeSince.from");
        Checks.notNull(attribute, "timeSince.attribute");
        attribute.ifPresent(a -> Checks.snake(a, "attribute", 64));
        if (attribute.isPresent() != (from == From.ATTRIBUTE)) {
            throw new ValidationException("timeSince.attribute", "is given exactly when the date is an attribute's");
        }
        Checks.notNull(unit, "timeSince.unit");
        if (unit != ChronoUnit.DAYS && unit != ChronoUnit.MONTHS && unit != ChronoUnit.YEARS) {
            throw new ValidationException("timeSince.unit", "must be DAYS, MONTHS or YEARS");
        }
        Checks.notNull(operator, "timeSince.operator");
        Checks.between(amount, -MAX_AMOUNT, MAX_AMOUNT, "timeSince.amount");
    }
}
