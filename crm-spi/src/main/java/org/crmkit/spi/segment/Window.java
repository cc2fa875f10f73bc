package org.crmkit.spi.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * When an aggregate's interactions must have occurred: relative to "now", written {@code 30d} or {@code 12h} in the
 * segment language, or since a fixed date, written {@code since 2025-01-01}. Immutable and thread-safe.
 *
 * <p>An interaction is within the window when it occurred at or after {@link #start(Instant, ZoneId)}; there is no
 * upper bound. A window of {@code n} days covers today and the {@code n - 1} calendar days before it, in the
 * explicit time zone: it starts at the start of the day {@code n - 1} days before today. A window of {@code n} hours
 * starts exactly {@code n} hours before now. A window since a date starts at the start of that day in the time zone,
 * whatever now is.
 *
 * @param amount 1 to {@value #MAX_DAYS} days, or 1 to {@value #MAX_HOURS} hours; 0 for a window since a date
 * @param unit   {@link ChronoUnit#DAYS} or {@link ChronoUnit#HOURS}; {@code DAYS} for a window since a date
 * @param since  the first day of a window since a date; empty for a window relative to now
 */
public record Window(long amount, ChronoUnit unit, Optional<LocalDate> since) {
    public static final long MAX_DAYS = 36_600;
    public static final long MAX_HOURS = 10_000;

    public Window {
        Checks.notNull(unit, "window.unit");
        Checks.notNull(since, "window.since");
        if (since.isPresent()) {
            if (amount != 0 || unit != ChronoUnit.DAYS) {
                throw new ValidationException("window.since", "a window since a date has amount 0 and unit DAYS");
            }
        } else {
            if (unit != ChronoUnit.DAYS && unit != ChronoUnit.HOURS) {
                throw new ValidationException("window.unit", "must be DAYS or HOURS");
            }
            long max = unit == ChronoUnit.DAYS ? MAX_DAYS : MAX_HOURS;
            Checks.between(amount, 1, max, "window.amount");
        }
    }

    /** The window of {@code amount} days or hours before now. */
    public Window(long amount, ChronoUnit unit) {
        this(amount, unit, Optional.empty());
    }

    public static Window days(long days) {
        return new Window(days, ChronoUnit.DAYS);
    }

    public static Window hours(long hours) {
        return new Window(hours, ChronoUnit.HOURS);
    }

    /** The window since the start of {@code date} (in the evaluator's time zone). */
    public static Window since(LocalDate date) {
        return new Window(0, ChronoUnit.DAYS, Optional.of(Checks.notNull(date, "window.since")));
    }

    /** The first instant inside the window, for the given now and time zone. */
    public Instant start(Instant now, ZoneId zone) {
        if (since.isPresent()) {
            return since.get().atStartOfDay(zone).toInstant();
        }
        if (unit == ChronoUnit.HOURS) {
            return now.minus(amount, ChronoUnit.HOURS);
        }
        return LocalDate.ofInstant(now, zone).minusDays(amount - 1).atStartOfDay(zone).toInstant();
    }

    /** The segment-language form: {@code 30d}, {@code 12h}, or {@code since 2025-01-01}. */
    @Override
    public String toString() {
        return since.map(d -> "since " + d).orElse(amount + (unit == ChronoUnit.DAYS ? "d" : "h"));
    }
}
