package org.crmkit.jpa.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.TreeSet;

import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.Window;

/**
 * The calendar arithmetic of segment pushdown, done in Java so that SQL only compares numbers: the days whose
 * {@code days_since}, {@code months_since} or {@code years_since} meets a comparison, the month-days whose next
 * anniversary falls in a span, and a window's bounds in nanoseconds, each exactly as the in-memory evaluator
 * counts (whole units by {@link ChronoUnit#between}, days in the zone, instants to the millisecond). Stateless.
 */
final class DaySpans {
    private static final long FIRST_DAY = LocalDate.MIN.toEpochDay();
    private static final long LAST_DAY = LocalDate.MAX.toEpochDay();
    /** Days beyond which every instant in nanoseconds is before (after): years ±10,000 is far enough. */
    private static final long NANOS_LAST_DAY = LocalDate.of(10_000, 1, 1).toEpochDay();
    private static final long NANOS_FIRST_DAY = LocalDate.of(-10_000, 1, 1).toEpochDay();

    private DaySpans() {
    }

    /**
     * The epoch days {@code [from, until)} of the dates {@code d} for which {@code unit.between(d, today) op amount}
     * holds; for {@link Operator#NE} the span where it does not. {@code unit.between(d, today)} never grows as
     * {@code d} grows, so the dates meeting each comparison are one span.
     */
    static Span span(ChronoUnit unit, LocalDate today, Operator op, long amount) {
        long atMost = firstAtMost(unit, today, amount);
        long below = amount == Long.MIN_VALUE ? FIRST_DAY : firstAtMost(unit, today, amount - 1);
        return switch (op) {
            case EQ, NE -> new Span(atMost, below);
            case GT -> new Span(FIRST_DAY, atMost);
            case GE -> new Span(FIRST_DAY, below);
            case LT -> new Span(below, LAST_DAY + 1);
            case LE -> new Span(atMost, LAST_DAY + 1);
        };
    }

    /** The least epoch day {@code d} with {@code unit.between(d, today) <= k}. */
    private static long firstAtMost(ChronoUnit unit, LocalDate today, long k) {
        long lo = FIRST_DAY;
        long hi = LAST_DAY + 1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (unit.between(LocalDate.ofEpochDay(mid), today) <= k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The codes {@code month * 100 + day} of the dates whose next anniversary on or after {@code today} is at most
     * {@code days - 1} days later (29 February's anniversary is 28 February in other years).
     */
    static TreeSet<Integer> anniversaries(LocalDate today, long days) {
        LocalDate last = today.plusDays(days - 1);
        TreeSet<Integer> codes = new TreeSet<>();
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() == 2000; d = d.plusDays(1)) {
            LocalDate thisYear = d.withYear(today.getYear());
            LocalDate next = thisYear.isBefore(today) ? d.withYear(today.getYear() + 1) : thisYear;
            if (!next.isAfter(last)) {
                codes.add(d.getMonthValue() * 100 + d.getDayOfMonth());
            }
        }
        return codes;
    }

    /** The first instant of epoch day {@code day} in {@code zone}, in nanoseconds, saturated to the long range. */
    static long startOfDayNanos(long day, ZoneId zone) {
        if (day <= NANOS_FIRST_DAY) {
            return Long.MIN_VALUE;
        } else if (day >= NANOS_LAST_DAY) {
            return Long.MAX_VALUE;
        }
        return nanos(LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant());
    }

    /** The first nanosecond inside {@code window} at {@code now}: the in-memory start, which is in milliseconds. */
    static long windowStartNanos(Window window, Instant now, ZoneId zone) {
        long ms = window.unit() == ChronoUnit.HOURS ? now.toEpochMilli() - window.amount() * 3_600_000L
                : window.start(now, zone).toEpochMilli();
        return millisToNanos(ms);
    }

    /** The first nanosecond after {@code window} at {@code now}, if it ends (calendar windows do). */
    static Optional<Long> windowEndNanos(Window window, Instant now, ZoneId zone) {
        return window.end(now, zone).map(end -> millisToNanos(end.toEpochMilli()));
    }

    private static long millisToNanos(long ms) {
        long high = Math.multiplyHigh(ms, 1_000_000L);
        long low = ms * 1_000_000L;
        if (high != (low >> 63)) {
            return ms < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return low;
    }

    private static long nanos(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        } else if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000_000L + at.getNano();
    }

    /** Epoch days {@code [from, until)}. */
    record Span(long from, long until) {
    }
}
