package org.crmkit.scoring.internal;

import java.time.Instant;
import java.util.Arrays;

import org.crmkit.spi.customer.CustomerId;

/**
 * Per-customer purchase aggregates in primitive arrays indexed by {@link RfmCustomerIndex} numbers: the latest
 * purchase instant (as epoch second and nano), the number of purchases, the sum of their amounts in minor units and
 * whether any of them had an amount. Not thread-safe.
 */
public final class RfmAccumulator {
    private final RfmCustomerIndex index;
    private long[] lastSecond;
    private int[] lastNano;
    private int[] frequency;
    private long[] minorUnits;
    private boolean[] priced;

    /** An empty accumulator sized for {@code expected} customers (it grows as needed). */
    public RfmAccumulator(int expected) {
        index = new RfmCustomerIndex(expected);
        lastSecond = new long[expected];
        lastNano = new int[expected];
        frequency = new int[expected];
        minorUnits = new long[expected];
        priced = new boolean[expected];
    }

    /**
     * Counts one purchase of {@code customer} at {@code at} of {@code amount} minor units.
     *
     * @throws ArithmeticException if the customer's sum overflows a {@code long}
     */
    public void add(CustomerId customer, Instant at, long amount) {
        int c = count(customer, at);
        minorUnits[c] = Math.addExact(minorUnits[c], amount);
        priced[c] = true;
    }

    /** Counts one purchase of {@code customer} at {@code at} whose amount is unknown. */
    public void addWithoutAmount(CustomerId customer, Instant at) {
        count(customer, at);
    }

    /** Counts a purchase of {@code customer} at {@code at} in its frequency and recency; the customer's number. */
    private int count(CustomerId customer, Instant at) {
        int c = index.add(customer);
        if (c == frequency.length) {
            lastSecond = Arrays.copyOf(lastSecond, c * 2);
            lastNano = Arrays.copyOf(lastNano, c * 2);
            frequency = Arrays.copyOf(frequency, c * 2);
            minorUnits = Arrays.copyOf(minorUnits, c * 2);
            priced = Arrays.copyOf(priced, c * 2);
        }
        long second = at.getEpochSecond();
        int nano = at.getNano();
        if (frequency[c] == 0 || second > lastSecond[c] || second == lastSecond[c] && nano > lastNano[c]) {
            lastSecond[c] = second;
            lastNano[c] = nano;
        }
        frequency[c]++;
        return c;
    }

    /** The customers, numbered in the order first added. */
    public RfmCustomerIndex index() {
        return index;
    }

    /** The epoch second of the latest purchase per customer number, trimmed to the number of customers. */
    public long[] lastSecond() {
        return Arrays.copyOf(lastSecond, index.size());
    }

    /** The nano-of-second of the latest purchase per customer number, trimmed to the number of customers. */
    public int[] lastNano() {
        return Arrays.copyOf(lastNano, index.size());
    }

    /** The number of purchases per customer number, trimmed to the number of customers. */
    public int[] frequency() {
        return Arrays.copyOf(frequency, index.size());
    }

    /** The sum of amounts in minor units per customer number, trimmed to the number of customers. */
    public long[] minorUnits() {
        return Arrays.copyOf(minorUnits, index.size());
    }

    /** Whether any purchase had an amount, per customer number, trimmed to the number of customers. */
    public boolean[] priced() {
        return Arrays.copyOf(priced, index.size());
    }
}
