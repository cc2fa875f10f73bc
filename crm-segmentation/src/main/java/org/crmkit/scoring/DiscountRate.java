package org.crmkit.scoring;

import org.crmkit.spi.ValidationException;

/**
 * A discount rate per week for lifetime values: money {@code k} weeks ahead is worth {@code (1 + weekly)^(−k)} today.
 * An annual rate {@code d} is converted with {@code 365.25 / 7} weeks a year: {@code weekly = (1 + d)^(7/365.25) − 1}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param weekly the rate per week, a finite number {@code >= 0}
 */
public record DiscountRate(double weekly) {
    /** Weeks in an average (Julian) year. */
    public static final double WEEKS_PER_YEAR = 365.25 / 7;

    public DiscountRate {
        if (!Double.isFinite(weekly) || weekly < 0) {
            throw new ValidationException("weekly", "must be a finite number >= 0");
        }
    }

    /** No discounting. */
    public static DiscountRate none() {
        return new DiscountRate(0.0);
    }

    /** A rate per week, for example {@code 0.002} for 0.2 %. */
    public static DiscountRate weekly(double rate) {
        return new DiscountRate(rate);
    }

    /** A rate per year, for example {@code 0.10} for 10 %, as its equivalent compound weekly rate. */
    public static DiscountRate annual(double rate) {
        if (!Double.isFinite(rate) || rate < 0) {
            throw new ValidationException("annual", "must be a finite number >= 0");
        }
        return new DiscountRate(Math.pow(1.0 + rate, 1.0 / WEEKS_PER_YEAR) - 1.0);
    }

    /** The factor {@code (1 + weekly)^(−week)} for money {@code week} weeks ahead. */
    public double factor(int week) {
        return Math.pow(1.0 + weekly, -week);
    }
}
