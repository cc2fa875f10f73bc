package org.crmkit.scoring;

import java.time.Instant;

import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;

/**
 * One customer's recency, frequency and monetary value as of a point in time, with their quantile scores.
 * Immutable and thread-safe.
 *
 * @param customerId  the customer
 * @param lastOrderAt when the customer's latest counted interaction occurred
 * @param recencyDays whole days (of 24 hours, rounded down) from {@code lastOrderAt} to the analysis' as-of instant
 * @param frequency   the number of counted interactions, at least 1
 * @param monetary    the sum of their amounts in the analysis' currency (interactions without an amount add zero;
 *                    negative amounts subtract)
 * @param r           the recency score, {@code 1..q}: higher is more recent
 * @param f           the frequency score, {@code 1..q}: higher is more frequent
 * @param m           the monetary score, {@code 1..q}: higher is more money
 */
public record RfmScore(CustomerId customerId, Instant lastOrderAt, long recencyDays, int frequency, Money monetary,
                       int r, int f, int m) {
    public RfmScore {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(lastOrderAt, "lastOrderAt");
        Checks.nonNegative(recencyDays, "recencyDays");
        if (frequency < 1) {
            throw new ValidationException("frequency", "must be at least 1 (" + frequency + ")");
        }
        Checks.notNull(monetary, "monetary");
        checkScore(r, "r");
        checkScore(f, "f");
        checkScore(m, "m");
    }

    /** The three scores as a code, recency first: {@code "545"}, or {@code "10-3-7"} when a score has two digits. */
    public String code() {
        return code(r, f, m);
    }

    static String code(int r, int f, int m) {
        return r < 10 && f < 10 && m < 10 ? "" + r + f + m : r + "-" + f + "-" + m;
    }

    private static void checkScore(int score, String field) {
        Checks.between(score, 1, RfmScorer.MAX_QUANTILES, field);
    }
}
