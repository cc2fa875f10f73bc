package org.crmkit.memory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.crmkit.spi.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * One segment's members and since when, with an index of ids in ascending order for paging. Leaving costs a hash
 * update: the id stays in the index, marked gone, and pages skip it; once the ids gone outnumber the members (and
 * {@value #MIN_GONE}), {@link #compact} rebuilds the index without them in one sorted pass. Entering again costs a
 * hash update too; only a first entry inserts into the ordered index (an ordered removal from a million ids costs
 * some 5 µs of cache misses, which the time-driven review of a large base would pay for every exit).
 *
 * <p>Thread-safe: a change of one id is atomic; a compaction excludes changes while it runs; a page sees every id
 * that was a member throughout its read.
 */
public final class SegmentMembers {
    private static final int MIN_GONE = 1_024;

    private final ReentrantReadWriteLock compaction = new ReentrantReadWriteLock();
    private final ConcurrentHashMap<CustomerId, Slot> slots = new ConcurrentHashMap<>();
    private final LongAdder members = new LongAdder();
    private final LongAdder gone = new LongAdder();
    private volatile NavigableSet<CustomerId> index = new ConcurrentSkipListSet<>();

    /**
     * An id of the index: a member since an instant, or gone. The instant is kept as its fields, not as an
     * {@link Instant}, so that a million members hold a million fewer objects. Written under the map's entry;
     * {@code member} is also read without it, by pages.
     */
    private static final class Slot {
        volatile boolean member;
        long seconds;
        int nanos;

        Slot(Instant since) {
            set(since);
        }

        void set(Instant since) {
            member = true;
            seconds = since.getEpochSecond();
            nanos = since.getNano();
        }

        @Nullable Instant since() {
            return member ? Instant.ofEpochSecond(seconds, nanos) : null;
        }
    }

    /** Makes the customer a member since {@code since} unless it is one; whether it was not. */
    public boolean enter(CustomerId id, Instant since) {
        compaction.readLock().lock();
        try {
            boolean[] fresh = {false};
            boolean[] entered = {false};
            slots.compute(id, (k, slot) -> {
                if (slot == null) {
                    fresh[0] = true;
                    entered[0] = true;
                    return new Slot(since);
                }
                if (!slot.member) {
                    slot.set(since);
                    entered[0] = true;
                }
                return slot;
            });
            if (fresh[0]) {
                index.add(id);
            } else if (entered[0]) {
                gone.decrement();
            }
            if (entered[0]) {
                members.increment();
            }
            return entered[0];
        } finally {
            compaction.readLock().unlock();
        }
    }

    /** Takes the customer out; since when it was a member, or null if it was not one. */
    public @Nullable Instant leave(CustomerId id) {
        compaction.readLock().lock();
        try {
            Instant[] since = {null};
            slots.computeIfPresent(id, (k, slot) -> {
                since[0] = slot.since();
                slot.member = false;
                return slot;
            });
            if (since[0] != null) {
                members.decrement();
                gone.increment();
            }
            return since[0];
        } finally {
            compaction.readLock().unlock();
        }
    }

    /** Since when the customer is a member, or null. */
    public @Nullable Instant since(CustomerId id) {
        Instant[] since = {null};
        slots.computeIfPresent(id, (k, slot) -> {
            since[0] = slot.since();
            return slot;
        });
        return since[0];
    }

    /** How many members. */
    public long count() {
        return members.sum();
    }

    /** Up to {@code limit} members after {@code after} (all from the first if null), in ascending id order. */
    public List<CustomerId> page(@Nullable CustomerId after, int limit) {
        NavigableSet<CustomerId> ids = after == null ? index : index.tailSet(after, false);
        List<CustomerId> page = new ArrayList<>(Math.min(limit, 64));
        for (CustomerId id : ids) {
            if (page.size() == limit) {
                break;
            }
            Slot slot = slots.get(id);
            if (slot != null && slot.member) {
                page.add(id);
            }
        }
        return page;
    }

    /**
     * Rebuilds the index without the ids gone, if they outnumber the members and {@value #MIN_GONE}: sorting the
     * members costs about as much as the removals it replaces would have, once per as many exits. Call it outside
     * any lock a change may wait for.
     */
    public void compact() {
        if (gone.sum() <= Math.max(MIN_GONE, members.sum())) {
            return;
        }
        compaction.writeLock().lock();
        try {
            if (gone.sum() <= Math.max(MIN_GONE, members.sum())) {
                return;
            }
            TreeSet<CustomerId> live = new TreeSet<>();
            slots.entrySet().removeIf(e -> {
                boolean isGone = !e.getValue().member;
                if (!isGone) {
                    live.add(e.getKey());
                }
                return isGone;
            });
            index = new ConcurrentSkipListSet<>(live);
            gone.reset();
        } finally {
            compaction.writeLock().unlock();
        }
    }
}
