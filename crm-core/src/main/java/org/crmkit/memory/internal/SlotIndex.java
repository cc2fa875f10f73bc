package org.crmkit.memory.internal;

import java.util.function.IntPredicate;

/**
 * An open-addressing hash set of slots (non-negative ints naming entries kept elsewhere), with linear probing and
 * backward-shift deletion. It stores no keys: the caller gives each operation the key's hash and a test that tells
 * whether a slot holds that key. Each cell is one {@code long} (the spread hash above, slot + 1 below), so a probe
 * costs one memory access and an entry no object: that is what lets the in-memory interaction store index ten
 * million interactions twice. Not thread-safe.
 */
public final class SlotIndex {
    private static final long EMPTY = 0L;
    private static final int MIN_CAPACITY = 16;
    private static final long SLOT_BITS = 0xFFFF_FFFFL;

    private long[] cells = new long[MIN_CAPACITY];
    private int size;

    /** The slot holding a key of that hash that passes {@code matches}, or -1. */
    public int find(int hash, IntPredicate matches) {
        int h = spread(hash);
        int mask = cells.length - 1;
        for (int i = h & mask; cells[i] != EMPTY; i = (i + 1) & mask) {
            long cell = cells[i];
            if ((int) (cell >>> 32) == h && matches.test(slotOf(cell))) {
                return slotOf(cell);
            }
        }
        return -1;
    }

    /** Adds {@code slot} under {@code hash}; the caller has checked that its key is absent. */
    public void add(int hash, int slot) {
        if (slot < 0 || slot == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("slot out of range: " + slot);
        }
        if ((size + 1) * 10L > cells.length * 7L) {
            grow();
        }
        put(cell(spread(hash), slot));
        size++;
    }

    /** Removes {@code slot}, filed under {@code hash}; nothing happens if it is absent. */
    public void remove(int hash, int slot) {
        long wanted = cell(spread(hash), slot);
        int mask = cells.length - 1;
        int i = spread(hash) & mask;
        while (cells[i] != wanted) {
            if (cells[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        int gap = i;
        for (int j = (gap + 1) & mask; cells[j] != EMPTY; j = (j + 1) & mask) {
            int home = (int) (cells[j] >>> 32) & mask;
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                cells[gap] = cells[j];
                gap = j;
            }
        }
        cells[gap] = EMPTY;
    }

    public int size() {
        return size;
    }

    private void put(long cell) {
        int mask = cells.length - 1;
        int i = (int) (cell >>> 32) & mask;
        while (cells[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        cells[i] = cell;
    }

    private void grow() {
        long[] old = cells;
        cells = new long[old.length * 2];
        for (long cell : old) {
            if (cell != EMPTY) {
                put(cell);
            }
        }
    }

    private static long cell(int spreadHash, int slot) {
        return ((long) spreadHash << 32) | (slot + 1L);
    }

    private static int slotOf(long cell) {
        return (int) (cell & SLOT_BITS) - 1;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
