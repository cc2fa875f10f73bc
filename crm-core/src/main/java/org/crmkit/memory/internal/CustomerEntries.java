package org.crmkit.memory.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import org.crmkit.spi.consent.LedgerEntry;

/**
 * One customer's ledger entries in sequence order, handed out as snapshots without copying: appends write past every
 * snapshot's end, and a replacement or removal first copies the array ({@link #detach}), so what a snapshot shows
 * never changes. Not thread-safe: guarded by its partition's lock.
 */
final class CustomerEntries {
    private LedgerEntry[] slots = new LedgerEntry[4];
    private int size;

    int size() {
        return size;
    }

    LedgerEntry get(int i) {
        return slots[i];
    }

    void add(LedgerEntry entry) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
        }
        slots[size++] = entry;
    }

    /** Gives this customer an array of its own, that no snapshot shows, before entries are replaced or removed. */
    void detach() {
        slots = slots.clone();
    }

    /** Replaces entry {@code i}; only after {@link #detach}. */
    void set(int i, LedgerEntry entry) {
        slots[i] = entry;
    }

    /** Removes the last entry; only after {@link #detach}. */
    void removeLast() {
        slots[--size] = null;
    }

    /** The first {@code end} entries, as an unmodifiable list that later changes to this customer leave alone. */
    List<LedgerEntry> snapshot(int end) {
        return end == 0 ? List.of() : new Snapshot(slots, end);
    }

    private static final class Snapshot extends AbstractList<LedgerEntry> implements RandomAccess {
        private final LedgerEntry[] slots;
        private final int size;

        Snapshot(LedgerEntry[] slots, int size) {
            this.slots = slots;
            this.size = size;
        }

        @Override
        public LedgerEntry get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return slots[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
