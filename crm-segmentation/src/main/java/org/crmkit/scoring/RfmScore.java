package org.crmkit.scoring;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

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
 * @param frequency   the number of counted interactions, with or without an amount, at least 1
 * @param monetary    the sum of the amounts of the counted interactions that have one, in the analysis' currency
 *                    (negative amounts subtract); empty if none of them has an amount
 * @param r           the recency score, {@code 1..q}: higher is more recent
 * @param f           the frequency score, {@code 1..q}: higher is more frequent
 * @param m           the monetary score, {@code 1..q}: higher is more money; present exactly when {@code monetary} is
 */
public record RfmScore(CustomerId customerId, Instant lastOrderAt, long recencyDays, int frequency,
                       Optional<Money> monetary, int r, int f, OptionalInt m) {
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
        Checks.notNull(m, "m");
        if (m.isPresent() != monetary.isPresent()) {
            throw new ValidationException("m", "must be present exactly when monetary is");
        }
        if (m.isPresent()) {
            checkScore(m.getAsInt(), "m");
        }
    }

    /**
     * The three scores as a code, recency first: {@code "545"}, or {@code "10-3-7"} when a score has two digits.
     * Without a monetary score the code ends in a dash instead: {@code "54-"}, {@code "10-3-"}.
     */
    public String code() {
        return code(r, f, m.orElse(0));
    }

    /** The code of the scores {@code r}, {@code f} and {@code m}, where {@code m} is 0 if there is no M score. */
    static String code(int r, int f, int m) {
        if (r < 10 && f < 10 && m < 10) {
            return "" + r + f + (m == 0 ? "-" : m);
        }
        return r + "-" + f + "-" + (m == 0 ? "" : m);
    }

    private static void checkScore(int score, String field) {
        Checks.between(score, 1, RfmScorer.MAX_QUANTILES, field);
    }
}
