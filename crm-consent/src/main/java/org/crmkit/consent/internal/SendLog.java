package org.crmkit.consent.internal;

import java.time.Instant;
import java.util.Set;

import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.jspecify.annotations.Nullable;

/** The last sends to one customer, per channel, in rings of a fixed capacity. Thread-safe (synchronised). */
public final class SendLog {
    private final int capacity;
    private final Instant[][] times = new Instant[ConsentChannel.values().length][];
    private final Purpose[][] purposes = new Purpose[ConsentChannel.values().length][];
    private final int[] next = new int[ConsentChannel.values().length];

    public SendLog(int capacity) {
        this.capacity = capacity;
    }

    /** Records a send, forgetting the oldest of the channel when full. */
    public synchronized void add(ConsentChannel channel, Purpose purpose, Instant at) {
        int c = channel.ordinal();
        if (times[c] == null) {
            times[c] = new Instant[capacity];
            purposes[c] = new Purpose[capacity];
        }
        times[c][next[c]] = at;
        purposes[c][next[c]] = purpose;
        next[c] = (next[c] + 1) % capacity;
    }

    /** The sends on {@code channel} after {@code since} for one of {@code wanted} (any when empty). */
    public synchronized int countSince(ConsentChannel channel, Set<Purpose> wanted, Instant since) {
        Instant[] t = times[channel.ordinal()];
        if (t == null) {
            return 0;
        }
        Purpose[] p = purposes[channel.ordinal()];
        int count = 0;
        for (int i = 0; i < capacity; i++) {
            if (t[i] != null && t[i].isAfter(since) && (wanted.isEmpty() || wanted.contains(p[i]))) {
                count++;
            }
        }
        return count;
    }

    /** The earliest of the sends {@link #countSince} counts; null if none. */
    public synchronized @Nullable Instant firstSince(ConsentChannel channel, Set<Purpose> wanted, Instant since) {
        Instant[] t = times[channel.ordinal()];
        if (t == null) {
            return null;
        }
        Purpose[] p = purposes[channel.ordinal()];
        Instant first = null;
        for (int i = 0; i < capacity; i++) {
            if (t[i] != null && t[i].isAfter(since) && (wanted.isEmpty() || wanted.contains(p[i]))
                    && (first == null || t[i].isBefore(first))) {
                first = t[i];
            }
        }
        return first;
    }
}
