package org.crmkit.scoring;

import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * What a computation over orders in one currency could not value, counted by reason: {@link RfmAnalysis#excluded()}
 * for RFM, {@code LifetimeValues.excluded()} for lifetime values. Only the orders the computation reads are counted
 * (for RFM: of its type, by a known customer, at or before its instant). Immutable and thread-safe.
 *
 * @param otherCurrency orders left out whole because their amount is in another currency and was not converted (no
 *                      rates were given, or the rates declined), by that currency: only currencies with at least one
 *                      such order, iterated in the order of their ISO-4217 codes
 * @param withoutAmount orders without an amount, whose value is unknown and never taken as zero: RFM counts them in
 *                      recency and frequency but not in monetary, lifetime values leave them out
 */
public record OrderExclusions(Map<Currency, Long> otherCurrency, long withoutAmount) {
    private static final Comparator<Currency> BY_CODE = Comparator.comparing(Currency::getCurrencyCode);

    public OrderExclusions {
        Checks.notNull(otherCurrency, "otherCurrency");
        TreeMap<Currency, Long> sorted = new TreeMap<>(BY_CODE);
        for (Map.Entry<Currency, Long> e : otherCurrency.entrySet()) {
            Checks.notNull(e.getKey(), "otherCurrency.key");
            Long count = Checks.notNull(e.getValue(), "otherCurrency." + e.getKey().getCurrencyCode());
            if (count < 1) {
                throw new ValidationException("otherCurrency." + e.getKey().getCurrencyCode(),
                        "must be at least 1 (" + count + "): leave out a currency without orders");
            }
            sorted.put(e.getKey(), count);
        }
        otherCurrency = Collections.unmodifiableSortedMap(sorted);
        Checks.nonNegative(withoutAmount, "withoutAmount");
    }

    /** Nothing left out. */
    public static OrderExclusions none() {
        return new OrderExclusions(Map.of(), 0);
    }

    /** How many orders were left out for their currency, over every currency. */
    public long otherCurrencyTotal() {
        return otherCurrency.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether every order read was valued: none in another currency left out, none without an amount. */
    public boolean isEmpty() {
        return otherCurrency.isEmpty() && withoutAmount == 0;
    }
}
