package org.crmkit.memory.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;

import org.crmkit.spi.interaction.Subject;

/**
 * One subject's interactions: the subject instance every stored interaction of it shares, and their slots in
 * occurred-at order. It remembers the newest occurred-at instant as primitives, so that the common append (newer than
 * everything before) needs no look at the stored interactions. Not thread-safe.
 */
final class Timeline {
    private static final long NONE = Long.MIN_VALUE;

    private final Subject subject;
    private int[] slots;
    private int size;
    private long newestSecond = NONE;
    private int newestNano;

    Timeline(Subject subject) {
        this(subject, new int[2], 0);
    }

    private Timeline(Subject subject, int[] slots, int size) {
        this.subject = subject;
        this.slots = slots;
        this.size = size;
    }

    Subject subject() {
        return subject;
    }

    int size() {
        return size;
    }

    int get(int index) {
        return slots[index];
    }

    /** Whether {@code at} is strictly after every interaction of this timeline. */
    boolean isNewest(Instant at) {
        return newestSecond == NONE || at.getEpochSecond() > newestSecond
                || at.getEpochSecond() == newestSecond && at.getNano() > newestNano;
    }

    /** Inserts {@code slot}, occurred at {@code at}, at {@code index}, shifting later slots up. */
    void insert(int index, int slot, Instant at) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size + (size >> 1) + 1);
        }
        System.arraycopy(slots, index, slots, index + 1, size - index);
        slots[index] = slot;
        size++;
        if (isNewest(at)) {
            newestSecond = at.getEpochSecond();
            newestNano = at.getNano();
        }
    }

    /** Removes {@code slot}, searching from the newest end (where an undone append is); nothing if absent. */
    void remove(int slot) {
        for (int i = size - 1; i >= 0; i--) {
            if (slots[i] == slot) {
                System.arraycopy(slots, i + 1, slots, i, size - i - 1);
                size--;
                return;
            }
        }
    }

    /** Sets the newest occurred-at instant, after a removal: that of the last slot. */
    void newest(Instant at) {
        newestSecond = at.getEpochSecond();
        newestNano = at.getNano();
    }

    /**
     * A timeline of {@code subject} holding the slots of both timelines (each sorted by {@code order}), merged in
     * order.
     */
    static Timeline merge(Subject subject, Timeline a, Timeline b,
                          IntBinaryOperator order) {
        int[] merged = new int[a.size + b.size];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.size && j < b.size) {
            merged[k++] = order.applyAsInt(a.slots[i], b.slots[j]) <= 0 ? a.slots[i++] : b.slots[j++];
        }
        while (i < a.size) {
            merged[k++] = a.slots[i++];
        }
        while (j < b.size) {
            merged[k++] = b.slots[j++];
        }
        Timeline result = new Timeline(subject, merged, merged.length);
        Timeline newer = a.newestSecond > b.newestSecond
                || a.newestSecond == b.newestSecond && a.newestNano >= b.newestNano ? a : b;
        result.newestSecond = newer.newestSecond;
        result.newestNano = newer.newestNano;
        return result;
    }
}
