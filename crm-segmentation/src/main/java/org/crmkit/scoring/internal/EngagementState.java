package org.crmkit.scoring.internal;

import java.time.Instant;

/**
 * A customer's decayed engagement score {@code value} at the reference instant {@code reference}: the sum over the
 * customer's interactions of {@code points_i · 2^(−(reference − t_i)/h)}. Because decay is multiplicative, the score
 * at any instant {@code t} is {@code value · 2^(−(t − reference)/h)}, and a new interaction at {@code t_i} adds
 * {@code points_i · 2^(−(reference − t_i)/h)}, whether it lies before or after the reference. To keep that factor at
 * most 1 (no overflow), the reference is moved forward to the latest interaction seen: adding one at
 * {@code t_i > reference} first decays the value to {@code t_i}. Immutable and thread-safe.
 *
 * @param value     the score at {@code reference}
 * @param reference the latest interaction time seen
 */
public record EngagementState(double value, Instant reference) {
    /** This state plus {@code points} earned at {@code at}, with half-life {@code halfLifeSeconds}. */
    public EngagementState plus(double points, Instant at, double halfLifeSeconds) {
        if (at.isAfter(reference)) {
            return new EngagementState(value * decay(reference, at, halfLifeSeconds) + points, at);
        }
        return new EngagementState(value + points * decay(at, reference, halfLifeSeconds), reference);
    }

    /** The score at {@code at}: decayed forward to a later instant, grown back to an earlier one. */
    public double valueAt(Instant at, double halfLifeSeconds) {
        return value * decay(reference, at, halfLifeSeconds);
    }

    /** {@code 2^(−(to − from)/h)}, {@code h} in seconds. */
    public static double decay(Instant from, Instant to, double halfLifeSeconds) {
        double seconds = (to.getEpochSecond() - from.getEpochSecond()) + (to.getNano() - from.getNano()) / 1e9;
        return Math.pow(2, -seconds / halfLifeSeconds);
    }
}
