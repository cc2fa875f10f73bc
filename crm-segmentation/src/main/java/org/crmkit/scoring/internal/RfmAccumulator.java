package org.crmkit.scoring.internal;

import java.time.Instant;
import java.util.Arrays;

import org.crmkit.spi.customer.CustomerId;

/**
 * Per-customer purchase aggregates in primitive arrays indexed by {@link RfmCustomerIndex} numbers: the latest
 * purchase instant, the number of purchases and the sum of their amounts in minor units. Not thread-safe.
 */
public final class RfmAccumulator {
    private final RfmCustomerIndex index;
    private Instant[] last;
    private int[] frequency;
    private long[] minorUnits;

    /** An empty accumulator sized for {@code expected} customers (it grows as needed). */
    public RfmAccumulator(int expected) {
        index = new RfmCustomerIndex(expected);
        last = new Instant[expected];
        frequency = new int[expected];
        minorUnits = new long[expected];
    }

    /**
     * Counts one purchase of {@code customer} at {@code at} of {@code amount} minor units.
     *
     * @throws ArithmeticException if the customer's sum overflows a {@code long}
     */
    public void add(CustomerId customer, Instant at, long amount) {
        int c = index.add(customer);
        if (c == last.length) {
            last = Arrays.copyOf(last, c * 2);
            frequency = Arrays.copyOf(frequency, c * 2);
            minorUnits = Arrays.copyOf(minorUnits, c * 2);
        }
        if (last[c] == null || at.isAfter(last[c])) {
            last[c] = at;
        }
        frequency[c]++;
        minorUnits[c] = Math.addExact(minorUnits[c], amount);
    }

    /** The customers, numbered in the order first added. */
    public RfmCustomerIndex index() {
        return index;
    }

    /** The latest purchase instant per customer number, trimmed to the number of customers. */
    public Instant[] last() {
        return Arrays.copyOf(last, index.size());
    }

    /** The number of purchases per customer number, trimmed to the number of customers. */
    public int[] frequency() {
        return Arrays.copyOf(frequency, index.size());
    }

    /** The sum of amounts in minor units per customer number, trimmed to the number of customers. */
    public long[] minorUnits() {
        return Arrays.copyOf(minorUnits, index.size());
    }
}
