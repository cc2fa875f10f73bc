package org.crmkit.scoring.internal;

import java.util.Arrays;

import org.crmkit.spi.customer.CustomerId;

/**
 * Numbers customers densely ({@code 0, 1, 2, …}) in the order they are first seen: an open-addressing hash table
 * from {@link CustomerId} to an {@code int}, so that per-customer aggregates live in primitive arrays without boxing.
 * Each slot packs the key's hash code and its number into one {@code long}; the keys are kept only by number, so that
 * a probe reads a key only when the hash codes match, growing never reads keys, and the table holds no references
 * (references stored at random places of a large array cost the garbage collector's write barrier dearly). Not thread-safe while being filled; safe to read from many
 * threads once safely published and no longer written.
 */
public final class RfmCustomerIndex {
    private static final float MAX_LOAD = 0.5f;

    /** {@code hash << 32 | (number + 1)}; 0 marks an empty slot. */
    private long[] slots;
    private CustomerId[] byNumber;
    private int size;

    /** An empty index sized for {@code expected} customers (it grows as needed). */
    public RfmCustomerIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected / MAX_LOAD)) - 1) << 1;
        slots = new long[capacity];
        byNumber = new CustomerId[Math.max(16, expected)];
    }

    /** The number of {@code id}, numbering it next if it is new. */
    public int add(CustomerId id) {
        int hash = spread(id.hashCode());
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                return insert(slot, id, hash);
            }
            if ((int) (entry >>> 32) == hash) {
                CustomerId key = byNumber[(int) entry - 1];
                if (key == id || key.equals(id)) {
                    return (int) entry - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The number of {@code id}, or {@code -1} if it was never added. */
    public int find(CustomerId id) {
        int hash = spread(id.hashCode());
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash && byNumber[(int) entry - 1].equals(id)) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** How many customers are numbered. */
    public int size() {
        return size;
    }

    /** The customer numbered {@code number}. */
    public CustomerId get(int number) {
        if (number < 0 || number >= size) {
            throw new IndexOutOfBoundsException(number);
        }
        return byNumber[number];
    }

    private int insert(int slot, CustomerId id, int hash) {
        int number = size++;
        slots[slot] = (long) hash << 32 | (number + 1);
        if (number == byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, number * 2);
        }
        byNumber[number] = id;
        if (size > slots.length * MAX_LOAD) {
            rehash();
        }
        return number;
    }

    private void rehash() {
        long[] oldSlots = slots;
        slots = new long[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            long entry = oldSlots[i];
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    private static int spread(int h) {
        int x = (h ^ (h >>> 16)) * 0x85EBCA6B;
        x = (x ^ (x >>> 13)) * 0xC2B2AE35;
        return x ^ (x >>> 16);
    }
}
