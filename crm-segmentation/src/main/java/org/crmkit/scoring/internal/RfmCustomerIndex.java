package org.crmkit.scoring.internal;

import java.util.Arrays;

import org.crmkit.spi.customer.CustomerId;

/**
 * Numbers customers densely ({@code 0, 1, 2, …}) in the order they are first seen: an open-addressing hash table
 * from {@link CustomerId} to an {@code int}, so that per-customer aggregates live in primitive arrays without boxing.
 * Hash codes are kept beside the keys so that probing and growing rarely touch the keys themselves.
 * Not thread-safe while being filled; safe to read from many threads once safely published and no longer written.
 */
public final class RfmCustomerIndex {
    private static final float MAX_LOAD = 0.5f;

    private CustomerId[] keys;
    private int[] hashes;
    private int[] numbers;
    private CustomerId[] byNumber;
    private int size;

    public RfmCustomerIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected / MAX_LOAD)) - 1) << 1;
        keys = new CustomerId[capacity];
        hashes = new int[capacity];
        numbers = new int[capacity];
        byNumber = new CustomerId[Math.max(16, expected)];
    }

    /** The number of {@code id}, numbering it next if it is new. */
    public int add(CustomerId id) {
        int mask = keys.length - 1;
        int hash = spread(id.hashCode());
        int slot = hash & mask;
        while (true) {
            CustomerId key = keys[slot];
            if (key == null) {
                return insert(slot, id, hash);
            }
            if (key == id || hashes[slot] == hash && key.equals(id)) {
                return numbers[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The number of {@code id}, or {@code -1} if it was never added. */
    public int find(CustomerId id) {
        int mask = keys.length - 1;
        int hash = spread(id.hashCode());
        int slot = hash & mask;
        while (true) {
            CustomerId key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (hashes[slot] == hash && key.equals(id)) {
                return numbers[slot];
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
        keys[slot] = id;
        hashes[slot] = hash;
        numbers[slot] = number;
        if (number == byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, number * 2);
        }
        byNumber[number] = id;
        if (size > keys.length * MAX_LOAD) {
            rehash();
        }
        return number;
    }

    private void rehash() {
        CustomerId[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldNumbers = numbers;
        keys = new CustomerId[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        numbers = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            CustomerId key = oldKeys[i];
            if (key != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                hashes[slot] = oldHashes[i];
                numbers[slot] = oldNumbers[i];
            }
        }
    }

    private static int spread(int h) {
        int x = (h ^ (h >>> 16)) * 0x85EBCA6B;
        x = (x ^ (x >>> 13)) * 0xC2B2AE35;
        return x ^ (x >>> 16);
    }
}
