package org.crmkit.segmentation.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.spi.segment.Window;

/**
 * The distinct windows of a set of compiled conditions, each with an index, and their starts (and, for calendar
 * windows, ends) for a given now. Bounds that move only at midnight are recomputed only when now leaves the cached
 * day, so asking per event is cheap. Registration is not
 * thread-safe (done while compiling); {@link #starts} is.
 */
public final class WindowTable {
    private final ZoneId zone;
    private final List<Key> windows = new ArrayList<>();
    private final Map<Key, Integer> indexes = new HashMap<>();
    private volatile DayCache cache = new DayCache(Long.MAX_VALUE, Long.MIN_VALUE, new long[0]);

    public WindowTable(ZoneId zone) {
        this.zone = zone;
    }

    /** The time zone of day boundaries. */
    public ZoneId zone() {
        return zone;
    }

    /** The index of {@code window}'s start, registering it if new. */
    int index(Window window) {
        return register(new Key(window, false));
    }

    /**
     * The index of {@code window}'s end (exclusive), registering it if new; {@link Long#MAX_VALUE} there for a window
     * without an end. Calendar windows have one.
     */
    int endIndex(Window window) {
        return register(new Key(window, true));
    }

    private int register(Key key) {
        return indexes.computeIfAbsent(key, k -> {
            windows.add(k);
            return windows.size() - 1;
        });
    }

    /** The start of every registered window (by index), in epoch milliseconds, for {@code now}. */
    public long[] starts(Instant now) {
        long ms = now.toEpochMilli();
        DayCache day = cache;
        if (ms < day.from || ms >= day.until || day.starts.length != windows.size()) {
            day = dayCache(now);
            cache = day;
        }
        long[] starts = new long[windows.size()];
        for (int i = 0; i < starts.length; i++) {
            Key k = windows.get(i);
            starts[i] = k.window.unit() == ChronoUnit.HOURS && !k.end ? ms - k.window.amount() * 3_600_000L
                    : day.starts[i];
        }
        return starts;
    }

    private DayCache dayCache(Instant now) {
        long from = Window.days(1).start(now, zone).toEpochMilli();
        Instant tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        long[] starts = new long[windows.size()];
        for (int i = 0; i < starts.length; i++) {
            Key k = windows.get(i);
            if (k.end) {
                starts[i] = k.window.end(now, zone).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
            } else {
                starts[i] = k.window.unit() == ChronoUnit.DAYS ? k.window.start(now, zone).toEpochMilli() : 0;
            }
        }
        return new DayCache(from, tomorrow.toEpochMilli(), starts);
    }

    private record DayCache(long from, long until, long[] starts) {
    }

    /** A window's start, or its end. */
    private record Key(Window window, boolean end) {
    }
}
