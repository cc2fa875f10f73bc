package org.crmkit.scoring;

import java.time.Duration;
import java.time.Instant;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * A customer's decayed engagement score kept as one number: {@code value} at the reference instant
 * {@code reference}, the sum over the customer's interactions of {@code points_i · 2^(−(reference − t_i)/h)} with
 * half-life {@code h}. Because decay is multiplicative, the score at any instant {@code t} is
 * {@code value · 2^(−(t − reference)/h)}, and points earned at {@code t_i} add {@code points_i · 2^(−(reference −
 * t_i)/h)}, whether {@code t_i} lies before or after the reference. To keep that factor at most 1 (no overflow), the
 * reference moves forward to the latest instant that earned points: adding points at {@code t_i > reference} first
 * decays the value to {@code t_i}. This is how a score store keeps the live {@code engagement} score: the value at
 * its {@code asOf} instant.
 *
 * <p>Half-lives are read to the nanosecond, as {@code seconds + nanos / 1e9}. Immutable and thread-safe.
 *
 * @param value     the score at {@code reference}; finite
 * @param reference the latest instant that earned points
 */
public record EngagementState(double value, Instant reference) {
    public EngagementState {
        if (!Double.isFinite(value)) {
            throw new ValidationException("value", "must be a finite number");
        }
        Checks.notNull(reference, "reference");
    }

    /**
     * This state plus {@code points} earned at {@code at}.
     *
     * @param points   finite; negative to penalise
     * @param halfLife positive
     * @throws ValidationException if an argument is null, not finite or not positive, or the sum is not finite
     */
    public EngagementState plus(double points, Instant at, Duration halfLife) {
        if (!Double.isFinite(points)) {
            throw new ValidationException("points", "must be a finite number");
        }
        Checks.notNull(at, "at");
        return plus(points, at, seconds(halfLife));
    }

    /**
     * The state of both histories together: {@code other}'s value counts as points earned at its reference (how a
     * merged customer's engagement joins the survivor's).
     *
     * @throws ValidationException if an argument is null or not positive, or the sum is not finite
     */
    public EngagementState plus(EngagementState other, Duration halfLife) {
        Checks.notNull(other, "other");
        return plus(other.value, other.reference, seconds(halfLife));
    }

    /**
     * The score at {@code at}: decayed forward to a later instant, grown back to an earlier one.
     *
     * @throws ValidationException if an argument is null or the half-life is not positive
     */
    public double valueAt(Instant at, Duration halfLife) {
        return valueAt(Checks.notNull(at, "at"), seconds(halfLife));
    }

    /** {@link #plus(double, Instant, Duration)} with the half-life in seconds, unchecked. */
    EngagementState plus(double points, Instant at, double halfLifeSeconds) {
        if (at.isAfter(reference)) {
            return new EngagementState(value * decay(reference, at, halfLifeSeconds) + points, at);
        }
        return new EngagementState(value + points * decay(at, reference, halfLifeSeconds), reference);
    }

    /** {@link #valueAt(Instant, Duration)} with the half-life in seconds, unchecked. */
    double valueAt(Instant at, double halfLifeSeconds) {
        return value * decay(reference, at, halfLifeSeconds);
    }

    /** A positive half-life in seconds, to the nanosecond. */
    static double seconds(Duration halfLife) {
        Checks.notNull(halfLife, "halfLife");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new ValidationException("halfLife", "must be positive (" + halfLife + ")");
        }
        return halfLife.getSeconds() + halfLife.getNano() / 1e9;
    }

    /** {@code 2^(−(to − from)/h)}, {@code h} in seconds. */
    private static double decay(Instant from, Instant to, double halfLifeSeconds) {
        double seconds = (to.getEpochSecond() - from.getEpochSecond()) + (to.getNano() - from.getNano()) / 1e9;
        return Math.pow(2, -seconds / halfLifeSeconds);
    }
}
