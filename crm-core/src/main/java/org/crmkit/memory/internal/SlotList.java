package org.crmkit.memory.internal;

import java.util.Arrays;
import java.util.function.IntBinaryOperator;

/** A growable list of slots, kept in the order its owner chooses. Not thread-safe. */
public final class SlotList {
    private int[] slots;
    private int size;

    public SlotList() {
        this.slots = new int[2];
    }

    private SlotList(int[] slots, int size) {
        this.slots = slots;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public int get(int index) {
        return slots[index];
    }

    /** Inserts {@code slot} at {@code index}, shifting later slots up. */
    public void insert(int index, int slot) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, Math.max(2, size + (size >> 1) + 1));
        }
        System.arraycopy(slots, index, slots, index + 1, size - index);
        slots[index] = slot;
        size++;
    }

    /** Merges two lists sorted by {@code order} into a new sorted list. */
    public static SlotList merge(SlotList a, SlotList b, IntBinaryOperator order) {
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
        return new SlotList(merged, merged.length);
    }
}
