package org.crmkit.segmentation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
