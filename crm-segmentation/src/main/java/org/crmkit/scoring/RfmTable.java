package org.crmkit.scoring;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.Checks;

/**
 * How many customers fall in each cell of an RFM grid of {@code q} quantiles: per (R, F) pair and per full R-F-M
 * combination. Immutable and thread-safe.
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

    static RfmTable of(int quantiles, byte[] r, byte[] f, byte[] m) {
        int[] counts = new int[quantiles * quantiles * quantiles];
        for (int c = 0; c < r.length; c++) {
            counts[((r[c] - 1) * quantiles + f[c] - 1) * quantiles + m[c] - 1]++;
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

    /** How many customers scored recency {@code r} and frequency {@code f}, whatever their monetary score. */
    public int count(int r, int f) {
        check(r, "r");
        check(f, "f");
        int sum = 0;
        int base = ((r - 1) * quantiles + f - 1) * quantiles;
        for (int m = 0; m < quantiles; m++) {
            sum += counts[base + m];
        }
        return sum;
    }

    /** How many customers scored exactly {@code (r, f, m)}. */
    public int count(int r, int f, int m) {
        check(r, "r");
        check(f, "f");
        check(m, "m");
        return counts[((r - 1) * quantiles + f - 1) * quantiles + m - 1];
    }

    /** The non-empty R-F-M codes (as {@link RfmScore#code()} writes them) with their counts, sorted by code. */
    public SortedMap<String, Integer> countsByCode() {
        TreeMap<String, Integer> byCode = new TreeMap<>();
        for (int r = 1; r <= quantiles; r++) {
            for (int f = 1; f <= quantiles; f++) {
                for (int m = 1; m <= quantiles; m++) {
                    int n = count(r, f, m);
                    if (n > 0) {
                        byCode.put(RfmScore.code(r, f, m), n);
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

    private void check(int score, String field) {
        Checks.between(score, 1, quantiles, field);
    }
}
