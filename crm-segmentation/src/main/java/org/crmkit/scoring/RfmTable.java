package org.crmkit.scoring;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.Checks;

/**
 * How many customers fall in each cell of an RFM grid of {@code q} quantiles: per (R, F) pair and per full R-F-M
 * combination. A customer without a monetary score (none of its orders has an amount) counts in its (R, F) cell and
 * in {@link #countWithoutMonetary}, never in a cell of an M score. Immutable and thread-safe.
 */
public final class RfmTable {
    private final int quantiles;
    private final int[] counts;
    private final int total;

    private RfmTable(int quantiles, int[] counts, int total) {
        this.quantiles = quantiles;
        this.counts = counts;
        this.total = total;
    }

    /** The table of the scores, where an {@code m} of 0 means no monetary score. */
    static RfmTable of(int quantiles, byte[] r, byte[] f, byte[] m) {
        int[] counts = new int[quantiles * quantiles * (quantiles + 1)];
        for (int c = 0; c < r.length; c++) {
            counts[((r[c] - 1) * quantiles + f[c] - 1) * (quantiles + 1) + m[c]]++;
        }
        return new RfmTable(quantiles, counts, r.length);
    }

    /** The number of quantiles per dimension. */
    public int quantiles() {
        return quantiles;
    }

    /** How many customers the table counts. */
    public int total() {
        return total;
    }

    /** How many customers scored recency {@code r} and frequency {@code f}, whatever their monetary score or none. */
    public int count(int r, int f) {
        int sum = 0;
        int base = cell(r, f);
        for (int m = 0; m <= quantiles; m++) {
            sum += counts[base + m];
        }
        return sum;
    }

    /** How many customers scored exactly {@code (r, f, m)}. */
    public int count(int r, int f, int m) {
        int base = cell(r, f);
        check(m, "m");
        return counts[base + m];
    }

    /** How many customers scored recency {@code r} and frequency {@code f} and have no monetary score. */
    public int countWithoutMonetary(int r, int f) {
        return counts[cell(r, f)];
    }

    /**
     * The non-empty R-F-M codes (as {@link RfmScore#code()} writes them, ending in a dash without a monetary score)
     * with their counts, sorted by code.
     */
    public SortedMap<String, Integer> countsByCode() {
        TreeMap<String, Integer> byCode = new TreeMap<>();
        for (int r = 1; r <= quantiles; r++) {
            for (int f = 1; f <= quantiles; f++) {
                int base = cell(r, f);
                for (int m = 0; m <= quantiles; m++) {
                    if (counts[base + m] > 0) {
                        byCode.put(RfmScore.code(r, f, m), counts[base + m]);
                    }
                }
            }
        }
        return Collections.unmodifiableSortedMap(byCode);
    }

    /**
     * The (R, F) grid as text for a console: one row per recency score from {@code q} (most recent) down to 1, one
     * column per frequency score from 1 to {@code q}, each cell the number of customers.
     */
    public String render() {
        int width = Math.max(String.valueOf(total).length(), 3);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%4s", "R\\F"));
        for (int f = 1; f <= quantiles; f++) {
            out.append(String.format(Locale.ROOT, " %" + width + "d", f));
        }
        out.append('\n');
        for (int r = quantiles; r >= 1; r--) {
            out.append(String.format(Locale.ROOT, "%4d", r));
            for (int f = 1; f <= quantiles; f++) {
                out.append(String.format(Locale.ROOT, " %" + width + "d", count(r, f)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    /** The index of the (r, f) cell without a monetary score; the cell of M score {@code m} follows at {@code + m}. */
    private int cell(int r, int f) {
        check(r, "r");
        check(f, "f");
        return ((r - 1) * quantiles + f - 1) * (quantiles + 1);
    }

    private void check(int score, String field) {
        Checks.between(score, 1, quantiles, field);
    }
}
