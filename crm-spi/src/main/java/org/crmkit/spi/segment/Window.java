package org.crmkit.spi.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalUnit;
import java.util.Locale;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * When an aggregate's interactions must have occurred: relative to "now", written {@code 30d} or {@code 12h} in the
 * segment language; since a fixed date, written {@code since 2025-01-01}; or in the current or the previous calendar
 * week, month, quarter or year, written {@code this month} or {@code last quarter}. Immutable and thread-safe.
 *
 * <p>An interaction is within the window when it occurred at or after {@link #start(Instant, ZoneId)} and, for a
 * calendar window, before {@link #end(Instant, ZoneId)}; other windows have no upper bound. A calendar window covers
 * the whole period in the time zone, from its first day's start to the next period's first day's start (weeks start
 * on Monday, quarters in January, April, July and October). A window of {@code n} days covers today and the
 * {@code n - 1} calendar days before it, in the explicit time zone: it starts at the start of the day {@code n - 1}
 * days before today. A window of {@code n} hours starts exactly {@code n} hours before now. A window since a date
 * starts at the start of that day in the time zone, whatever now is.
 *
 * @param amount   1 to {@value #MAX_DAYS} days, or 1 to {@value #MAX_HOURS} hours; 0 for a window since a date or a
 *                 calendar window
 * @param unit     {@link ChronoUnit#DAYS} or {@link ChronoUnit#HOURS}; {@code DAYS} for the other windows
 * @param since    the first day of a window since a date; empty otherwise
 * @param calendar the period of a calendar window; empty otherwise
 */
public record Window(long amount, ChronoUnit unit, Optional<LocalDate> since, Optional<Calendar> calendar) {
    public static final long MAX_DAYS = 36_600;
    public static final long MAX_HOURS = 10_000;

    /**
     * A calendar period: the current one ({@code this month}) or the one before ({@code last month}).
     *
     * @param unit     week, month, quarter or year
     * @param previous whether it is the period before the current one
     */
    public record Calendar(Unit unit, boolean previous) {
        /** The length of a calendar period. */
        public enum Unit {
            WEEK, MONTH, QUARTER, YEAR
        }

        public Calendar {
            Checks.notNull(unit, "window.calendar.unit");
        }

        /** The first day of the period that contains {@code day}, or of the one before. */
        LocalDate firstDay(LocalDate day) {
            LocalDate first = switch (unit) {
                case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
                case MONTH -> day.withDayOfMonth(1);
                case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
                case YEAR -> day.withDayOfYear(1);
            };
            return previous ? first.minus(1, step()) : first;
        }

        /** The first day after the period that {@link #firstDay} starts. */
        LocalDate dayAfter(LocalDate first) {
            return first.plus(1, step());
        }

        private TemporalUnit step() {
            return switch (unit) {
                case WEEK -> ChronoUnit.WEEKS;
                case MONTH -> ChronoUnit.MONTHS;
                case QUARTER -> IsoFields.QUARTER_YEARS;
                case YEAR -> ChronoUnit.YEARS;
            };
        }

        @Override
        public String toString() {
            return (previous ? "last " : "this ") + unit.name().toLowerCase(Locale.ROOT);
        }
    }

    public Window {
        Checks.notNull(unit, "window.unit");
        Checks.notNull(since, "window.since");
        Checks.notNull(calendar, "window.calendar");
        if (since.isPresent() || calendar.isPresent()) {
            if (amount != 0 || unit != ChronoUnit.DAYS || since.isPresent() && calendar.isPresent()) {
                throw new ValidationException(since.isPresent() ? "window.since" : "window.calendar",
                        "a window since a date or in a calendar period has amount 0, unit DAYS and not both");
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
        this(amount, unit, Optional.empty(), Optional.empty());
    }

    public static Window days(long days) {
        return new Window(days, ChronoUnit.DAYS);
    }

    public static Window hours(long hours) {
        return new Window(hours, ChronoUnit.HOURS);
    }

    /** The window since the start of {@code date} (in the evaluator's time zone). */
    public static Window since(LocalDate date) {
        return new Window(0, ChronoUnit.DAYS, Optional.of(Checks.notNull(date, "window.since")), Optional.empty());
    }

    /** The window of the current or the previous calendar {@code unit} (in the evaluator's time zone). */
    public static Window calendar(Calendar.Unit unit, boolean previous) {
        return new Window(0, ChronoUnit.DAYS, Optional.empty(), Optional.of(new Calendar(unit, previous)));
    }

    /** The first instant inside the window, for the given now and time zone. */
    public Instant start(Instant now, ZoneId zone) {
        if (since.isPresent()) {
            return since.get().atStartOfDay(zone).toInstant();
        } else if (calendar.isPresent()) {
            return calendar.get().firstDay(LocalDate.ofInstant(now, zone)).atStartOfDay(zone).toInstant();
        }
        if (unit == ChronoUnit.HOURS) {
            return now.minus(amount, ChronoUnit.HOURS);
        }
        return LocalDate.ofInstant(now, zone).minusDays(amount - 1).atStartOfDay(zone).toInstant();
    }

    /**
     * The first instant after a calendar window, for the given now and time zone; empty for the other windows, which
     * have no upper bound.
     */
    public Optional<Instant> end(Instant now, ZoneId zone) {
        return calendar.map(c -> c.dayAfter(c.firstDay(LocalDate.ofInstant(now, zone))).atStartOfDay(zone)
                .toInstant());
    }

    /** The segment-language form: {@code 30d}, {@code 12h}, {@code since 2025-01-01} or {@code last quarter}. */
    @Override
    public String toString() {
        if (calendar.isPresent()) {
            return calendar.get().toString();
        }
        return since.map(d -> "since " + d).orElse(amount + (unit == ChronoUnit.DAYS ? "d" : "h"));
    }
}
