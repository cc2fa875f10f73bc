package org.crmkit.spi.segment;

import org.crmkit.spi.Checks;

/**
 * The next anniversary of a {@code DATE} attribute falls within the next {@code days} days, today included: "birthday
 * within 7 days" ({@code anniversary(birthday) within 7d}). Immutable and thread-safe.
 *
 * <p>Today is the date of now in the evaluator's time zone. The next anniversary is the attribute's month and day in
 * today's year, or in the next year if that is before today; 29 February is the 28th in a year that is not a leap
 * year. The condition holds when it is at most {@code days - 1} days after today ({@code 1d}: today only). A missing
 * attribute makes it false.
 *
 * @param attribute the {@code DATE} attribute
 * @param days      1 to 366
 */
public record AnniversaryWithin(String attribute, long days) implements Condition {
    public AnniversaryWithin {
        Checks.snake(attribute, "attribute", 64);
        Checks.between(days, 1, 366, "anniversary.days");
    }
}
