package org.crmkit.spi.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * A window relative to "now", written {@code 30d} or {@code 12h} in the segment language. Immutable and thread-safe.
 *
 * <p>An interaction is within the window when it occurred at or after {@link #start(Instant, ZoneId)}; there is no
 * upper bound. A window of {@code n} days covers today and the {@code n - 1} calendar days before it, in the
 * explicit time zone: it starts at the start of the day {@code n - 1} days before today. A window of {@code n} hours
 * starts exactly {@code n} hours before now.
 *
 * @param amount 1 to {@value #MAX_DAYS} days, or 1 to {@value #MAX_HOURS} hours
 * @param unit   {@link ChronoUnit#DAYS} or {@link ChronoUnit#HOURS}
 */
public record Window(long amount, ChronoUnit unit) {
    public static final long MAX_DAYS = 36_600;
    public static final long MAX_HOURS = 10_000;

    public Window {
        Checks.notNull(unit, "window.unit");
        if (unit != ChronoUnit.DAYS && unit != ChronoUnit.HOURS) {
            throw new ValidationException("window.unit", "must be DAYS or HOURS");
        }
        long max = unit == ChronoUnit.DAYS ? MAX_DAYS : MAX_HOURS;
        Checks.between(amount, 1, max, "window.amount");
    }

    public static Window days(long days) {
        return new Window(days, ChronoUnit.DAYS);
    }

    public static Window hours(long hours) {
        return new Window(hours, ChronoUnit.HOURS);
    }

    /** The first instant inside the window, for the given now and time zone. */
    public Instant start(Instant now, ZoneId zone) {
        if (unit == ChronoUnit.HOURS) {
            return now.minus(amount, ChronoUnit.HOURS);
        }
        return LocalDate.ofInstant(now, zone).minusDays(amount - 1).atStartOfDay(zone).toInstant();
    }

    /** The segment-language form: {@code 30d} or {@code 12h}. */
    @Override
    public String toString() {
        return amount + (unit == ChronoUnit.DAYS ? "d" : "h");
    }
}
