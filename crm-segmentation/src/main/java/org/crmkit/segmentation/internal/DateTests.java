package org.crmkit.segmentation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.StageTransition;
import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.Window;
import org.jspecify.annotations.Nullable;

/**
 * Compiles the conditions on dates relative to today ({@link TimeSince}, {@link AnniversaryWithin}). Today is read
 * from the start of the one-day window, which the tests register, so that it is computed once per evaluation and
 * not per customer. Stateless.
 */
final class DateTests {
    private DateTests() {
    }

    /** The test of {@code c}, a {@link TimeSince} or an {@link AnniversaryWithin}. */
    static Test compile(Condition c, WindowTable windows) {
        ZoneId zone = windows.zone();
        int today = windows.index(Window.days(1));
        if (c instanceof TimeSince ts) {
            ChronoUnit unit = ts.unit();
            Operator op = ts.operator();
            long amount = ts.amount();
            return (s, w) -> {
                LocalDate date = date(ts, s, zone);
                return date != null && op.test(Long.compare(unit.between(date, today(w[today], zone)), amount));
            };
        }
        AnniversaryWithin a = (AnniversaryWithin) c;
        String name = a.attribute();
        long days = a.days();
        return (s, w) -> {
            if (!(s.attribute(name) instanceof TypedValue.Date d)) {
                return false;
            }
            LocalDate from = today(w[today], zone);
            return !nextAnniversary(d.value(), from).isAfter(from.plusDays(days - 1));
        };
    }

    /**
     * The first day after {@code today} on which the value of {@code c} (a {@link TimeSince} or an
     * {@link AnniversaryWithin}) for the customer may differ from today's; empty if it never can. Early rather than
     * late: a figure of months or years may reach a bound a day later than its plain sum (31 January plus a month).
     */
    static Optional<LocalDate> nextChange(Condition c, SnapshotData s, LocalDate today, ZoneId zone) {
        if (c instanceof TimeSince ts) {
            LocalDate date = date(ts, s, zone);
            if (date == null) {
                return Optional.empty();
            }
            long figure = ts.unit().between(date, today);
            LocalDate next = null;
            for (long bound : new long[] {ts.amount(), ts.amount() + 1}) {
                if (figure < bound) {
                    LocalDate reached = date.plus(bound, ts.unit());
                    LocalDate day = reached.isAfter(today) ? reached : today.plusDays(1);
                    next = next == null || day.isBefore(next) ? day : next;
                }
            }
            return Optional.ofNullable(next);
        }
        AnniversaryWithin a = (AnniversaryWithin) c;
        if (!(s.attribute(a.attribute()) instanceof TypedValue.Date d)) {
            return Optional.empty();
        }
        LocalDate next = nextAnniversary(d.value(), today);
        LocalDate enters = next.minusDays(a.days() - 1);
        return Optional.of(enters.isAfter(today) ? enters : next.plusDays(1));
    }

    /** The first day on or after {@code from} with {@code date}'s month and day (29 February: the 28th if need be). */
    static LocalDate nextAnniversary(LocalDate date, LocalDate from) {
        LocalDate thisYear = date.withYear(from.getYear());
        return thisYear.isBefore(from) ? date.withYear(from.getYear() + 1) : thisYear;
    }

    private static LocalDate today(long startOfToday, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(startOfToday), zone);
    }

    private static @Nullable LocalDate date(TimeSince ts, SnapshotData s, ZoneId zone) {
        switch (ts.from()) {
            case ATTRIBUTE -> {
                return s.attribute(ts.attribute().orElseThrow()) instanceof TypedValue.Date d ? d.value() : null;
            }
            case STAGE_ENTERED -> {
                List<StageTransition> history = s.customer.stageHistory();
                return LocalDate.ofInstant(history.get(history.size() - 1).at(), zone);
            }
            default -> {
                return LocalDate.ofInstant(s.customer.createdAt(), zone);
            }
        }
    }
}
