package org.crmkit.memory.internal;

import java.util.function.IntPredicate;

/**
 * An open-addressing hash set of slots (non-negative ints naming entries kept elsewhere), with linear probing and
 * backward-shift deletion. It stores no keys: the caller gives each operation the key's hash and a test that tells
 * whether a slot holds that key. Four bytes per table cell and no object per entry, which is what lets the
 * in-memory interaction store index ten million interactions twice. Not thread-safe.
 */
public final class SlotIndex {
    private static final int EMPTY = 0;
    private static final int MIN_CAPACITY = 16;

    /** Slot + 1 per cell, {@link #EMPTY} where free. */
    private int[] cells = new int[MIN_CAPACITY];
    /** The spread hash of the key in each cell, so probing and resizing never look at the entries. */
    private int[] hashes = new int[MIN_CAPACITY];
    private int size;

    /** The slot holding a key of that hash that passes {@code matches}, or -1. */
    public int find(int hash, IntPredicate matches) {
        int h = spread(hash);
        int mask = cells.length - 1;
        for (int i = h & mask; cells[i] != EMPTY; i = (i + 1) & mask) {
            if (hashes[i] == h && matches.test(cells[i] - 1)) {
                return cells[i] - 1;
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
        put(spread(hash), slot + 1);
        size++;
    }

    /** Removes {@code slot}, filed under {@code hash}; nothing happens if it is absent. */
    public void remove(int hash, int slot) {
        int h = spread(hash);
        int mask = cells.length - 1;
        int i = h & mask;
        while (cells[i] != slot + 1) {
            if (cells[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        int gap = i;
        for (int j = (gap + 1) & mask; cells[j] != EMPTY; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                cells[gap] = cells[j];
                hashes[gap] = hashes[j];
                gap = j;
            }
        }
        cells[gap] = EMPTY;
        hashes[gap] = 0;
    }

    public int size() {
        return size;
    }

    private void put(int h, int cell) {
        int mask = cells.length - 1;
        int i = h & mask;
        while (cells[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        cells[i] = cell;
        hashes[i] = h;
    }

    private void grow() {
        int[] oldCells = cells;
        int[] oldHashes = hashes;
        cells = new int[oldCells.length * 2];
        hashes = new int[oldCells.length * 2];
        for (int i = 0; i < oldCells.length; i++) {
            if (oldCells[i] != EMPTY) {
                put(oldHashes[i], oldCells[i]);
            }
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
