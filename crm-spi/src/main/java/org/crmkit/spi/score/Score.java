package org.crmkit.spi.score;

import java.time.Instant;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.segment.Condition;

/**
 * A customer's value of one score, as of an instant: an RFM quintile, a lifetime value, a cluster, or a decaying
 * engagement score whose value is the one at {@code asOf}. Immutable and thread-safe.
 *
 * @param name  lower-case names separated by dots ({@link Condition#SCORE_NAME}), at most 64 characters, such as
 *              {@code rfm.recency} or {@code engagement}
 * @param value a finite number
 * @param asOf  the instant the value holds at: when it was computed, or the reference instant of a decaying score
 */
public record Score(String name, double value, Instant asOf) {
    public Score {
        Checks.matching(name, "score.name", Condition.SCORE_NAME, 64, "lower-case names separated by dots");
        if (!Double.isFinite(value)) {
            throw new ValidationException("score.value", "must be a finite number");
        }
        Checks.notNull(asOf, "score.asOf");
    }

    public static Score of(String name, double value, Instant asOf) {
        return new Score(name, value, asOf);
    }
}
