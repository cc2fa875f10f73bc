package org.crmkit.spi.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.score.Score;

/**
 * How the engine reads a customer's scores at an instant, which a store answering {@link Condition.ScoreCompare}
 * in a {@link SegmentQueryCapability} must follow: a stored score named in {@code halfLives} decays from its
 * {@link Score#asOf()} ({@code value · 2^(−(now − asOf)/h)}, the seconds between the two instants counted to the
 * nanosecond, in {@code double}); any other stored score is read as stored; a score the customer lacks takes its
 * value from {@code whenAbsent}, or is missing (every comparison with it false). With the default engagement rules
 * that is {@code engagement}, decaying with their half-life, and 0 when absent.
 *
 * @param halfLives  the scores that decay, with their half-lives (positive)
 * @param whenAbsent the value of a score a customer lacks, for the scores that have one (finite)
 */
public record ScoreReading(Map<String, Duration> halfLives, Map<String, Double> whenAbsent) {
    /** Every score as stored; an absent score is missing. */
    public static final ScoreReading AS_STORED = new ScoreReading(Map.of(), Map.of());

    public ScoreReading {
        Checks.notNull(halfLives, "halfLives");
        Checks.notNull(whenAbsent, "whenAbsent");
        halfLives.forEach((name, h) -> {
            checkName(name, "halfLives");
            if (h == null || h.isNegative() || h.isZero()) {
                throw new ValidationException("halfLives", "the half-life of " + name + " must be positive");
            }
        });
        whenAbsent.forEach((name, v) -> {
            checkName(name, "whenAbsent");
            if (v == null || !Double.isFinite(v)) {
                throw new ValidationException("whenAbsent", "the value of " + name + " must be a finite number");
            }
        });
        halfLives = Map.copyOf(new TreeMap<>(halfLives));
        whenAbsent = Map.copyOf(new TreeMap<>(whenAbsent));
    }

    /** The value of {@code score} at {@code now}: decayed if it decays, else as stored. */
    public double valueAt(Score score, Instant now) {
        Checks.notNull(score, "score");
        Checks.notNull(now, "now");
        Duration h = halfLives.get(score.name());
        if (h == null) {
            return score.value();
        }
        double seconds = (now.getEpochSecond() - score.asOf().getEpochSecond())
                + (now.getNano() - score.asOf().getNano()) / 1e9;
        return score.value() * Math.pow(2, -seconds / halfLifeSeconds(h));
    }

    /**
     * A customer's scores by name at {@code now}: each of {@code stored} read by {@link #valueAt(Score, Instant)},
     * and the {@code whenAbsent} values of the scores it lacks.
     */
    public Map<String, Double> valuesAt(Collection<Score> stored, Instant now) {
        Checks.noNullElements(stored, "stored");
        Map<String, Double> values = new HashMap<>(whenAbsent);
        stored.forEach(s -> values.put(s.name(), valueAt(s, now)));
        return values;
    }

    /** The value at {@code now} of score {@code name}, given the customer's stored one if it has it. */
    public Optional<Double> valueAt(String name, Optional<Score> stored, Instant now) {
        Checks.notNull(name, "name");
        Checks.notNull(stored, "stored");
        return stored.map(s -> valueAt(s, now)).or(() -> Optional.ofNullable(whenAbsent.get(name)));
    }

    /** A half-life in seconds, to the nanosecond. */
    public static double halfLifeSeconds(Duration halfLife) {
        return Checks.notNull(halfLife, "halfLife").getSeconds() + halfLife.getNano() / 1e9;
    }

    private static void checkName(String name, String field) {
        if (name == null || !Condition.SCORE_NAME.matcher(name).matches()) {
            throw new ValidationException(field, "holds a name that is not a score name");
        }
    }
}
