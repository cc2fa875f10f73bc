package org.crmkit.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.RandomAccess;

import org.crmkit.scoring.internal.RfmCustomerIndex;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;
import org.crmkit.spi.customer.CustomerId;

/**
 * The result of one {@link RfmScorer#analyse RFM computation}: every scored customer's {@link RfmScore}, the
 * {@link RfmTable} of how many customers fall in each cell, and the {@linkplain #excluded() orders it could not
 * value}. Values are held in primitive arrays; {@link RfmScore} records are created when asked for. Immutable and
 * thread-safe.
 */
public final class RfmAnalysis {
    /** The names of the columns of {@link #featureRows()}, in order. */
    public static final List<String> FEATURE_NAMES = List.of("recency_days", "frequency", "monetary");

    private final Instant asOf;
    private final Currency currency;
    private final int quantiles;
    private final RfmCustomerIndex index;
    private final long[] lastSecond;
    private final int[] lastNano;
    private final long[] recencyDays;
    private final int[] frequency;
    private final long[] minorUnits;
    private final byte[] r;
    private final byte[] f;
    /** The M score per customer, 0 for a customer without a monetary value. */
    private final byte[] m;
    private final RfmTable table;
    private final OrderExclusions excluded;

    RfmAnalysis(Instant asOf, Currency currency, int quantiles, RfmCustomerIndex index, long[] lastSecond,
                int[] lastNano, long[] recencyDays, int[] frequency, long[] minorUnits, byte[] r, byte[] f, byte[] m,
                OrderExclusions excluded) {
        this.asOf = asOf;
        this.currency = currency;
        this.quantiles = quantiles;
        this.index = index;
        this.lastSecond = lastSecond;
        this.lastNano = lastNano;
        this.recencyDays = recencyDays;
        this.frequency = frequency;
        this.minorUnits = minorUnits;
        this.r = r;
        this.f = f;
        this.m = m;
        this.table = RfmTable.of(quantiles, r, f, m);
        this.excluded = excluded;
    }

    /** The instant the values are computed as of. */
    public Instant asOf() {
        return asOf;
    }

    /** The currency of every monetary value. */
    public Currency currency() {
        return currency;
    }

    /** The number of quantiles per dimension: every score is {@code 1..quantiles()}. */
    public int quantiles() {
        return quantiles;
    }

    /** How many customers were scored. */
    public int size() {
        return index.size();
    }

    /**
     * Every scored customer's score, in the order the customers first appeared among the counted interactions. An
     * unmodifiable view; each {@code get} creates a new record.
     */
    public List<RfmScore> scores() {
        return new Scores();
    }

    /** The customer's score, empty if the customer had no counted interaction. */
    public Optional<RfmScore> score(CustomerId customer) {
        Checks.notNull(customer, "customer");
        int c = index.find(customer);
        return c < 0 ? Optional.empty() : Optional.of(scoreAt(c));
    }

    /** How many customers fall in each (R, F) cell and each R-F-M code. */
    public RfmTable table() {
        return table;
    }

    /**
     * The orders the computation read but could not value: those in another currency it left out (by currency) and
     * those without an amount (counted in recency and frequency only).
     */
    public OrderExclusions excluded() {
        return excluded;
    }

    /**
     * One row per scored customer with a monetary value, in {@link #scores()} order (the scores whose
     * {@link RfmScore#monetary()} is present), with the columns {@link #FEATURE_NAMES}: recency in days, frequency,
     * and monetary in major units of the currency (euros, not cents). Input for {@link Clustering#fit}; a customer
     * whose monetary value is unknown has no row, since no number stands for it. A new array on each call.
     */
    public double[][] featureRows() {
        double unit = Math.pow(10, Math.max(currency.getDefaultFractionDigits(), 0));
        int n = 0;
        for (byte score : m) {
            n += score == 0 ? 0 : 1;
        }
        double[][] rows = new double[n][];
        for (int c = 0, row = 0; c < m.length; c++) {
            if (m[c] != 0) {
                rows[row++] = new double[] {recencyDays[c], frequency[c], minorUnits[c] / unit};
            }
        }
        return rows;
    }

    private RfmScore scoreAt(int c) {
        Optional<Money> monetary = Optional.empty();
        OptionalInt monetaryScore = OptionalInt.empty();
        if (m[c] != 0) {
            int scale = Math.max(currency.getDefaultFractionDigits(), 0);
            monetary = Optional.of(Money.of(BigDecimal.valueOf(minorUnits[c], scale), currency));
            monetaryScore = OptionalInt.of(m[c]);
        }
        Instant lastOrderAt = Instant.ofEpochSecond(lastSecond[c], lastNano[c]);
        return new RfmScore(index.get(c), lastOrderAt, recencyDays[c], frequency[c], monetary, r[c], f[c],
                monetaryScore);
    }

    private final class Scores extends AbstractList<RfmScore> implements RandomAccess {
        @Override
        public RfmScore get(int i) {
            return scoreAt(i);
        }

        @Override
        public int size() {
            return index.size();
        }
    }
}
