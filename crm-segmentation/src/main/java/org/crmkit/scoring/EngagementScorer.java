package org.crmkit.scoring;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.spi.Checks;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;

/**
 * Keeps each customer's engagement (lead) score up to date as interactions are recorded. The score at instant
 * {@code t} is {@code Σ points_i · 2^(−(t − t_i)/h)} over the customer's recorded interactions, where
 * {@code points_i} is what {@link EngagementRules#points} gives interaction {@code i}, {@code t_i} its
 * {@link Interaction#occurredAt()} and {@code h} the rules' half-life: points count half after one half-life, a
 * quarter after two.
 *
 * <p><b>Cost.</b> Per customer only {@code (score, reference instant)} is kept: recording an interaction and reading
 * a score are {@code O(1)} per customer (plus {@code O(rules)} to match), whatever the history's length. The
 * reference is the latest interaction time seen; an older interaction adds its points decayed to the reference, a
 * newer one first decays the score to its own time. Interactions may therefore arrive in any order: the result is
 * the same up to floating-point rounding (about 1e-12 relative to the sum of the absolute terms).
 *
 * <p><b>Reading.</b> {@link #score} may be asked for any instant. For an instant at or after the customer's latest
 * interaction it is exactly the formula above; for an earlier instant the formula is applied as well, so interactions
 * after that instant count with a weight above 1 (the state does not remember individual interactions).
 *
 * <p>Anonymous interactions and interactions earning zero points leave no state. Recording is not idempotent: record
 * each interaction once. The states live in this object's memory only; {@link EngagementState} is the same
 * arithmetic for a score kept elsewhere (the engine keeps it in its score store). Thread-safe: {@link #record} and {@link #score} may be called from many threads; updates to
 * one customer are atomic.
 */
public final class EngagementScorer {
    private final EngagementRules rules;
    private final double halfLifeSeconds;
    private final ConcurrentHashMap<CustomerId, EngagementState> states = new ConcurrentHashMap<>();

    /** A scorer with no recorded interactions, applying {@code rules}. */
    public EngagementScorer(EngagementRules rules) {
        this.rules = Checks.notNull(rules, "rules");
        this.halfLifeSeconds = EngagementState.seconds(rules.halfLife());
    }

    /** The rules and half-life applied. */
    public EngagementRules rules() {
        return rules;
    }

    /**
     * Adds the points {@code interaction} earns to its customer's score.
     *
     * @return the points it earned at the moment it occurred; zero if it matched no rule or is anonymous
     */
    public double record(Interaction interaction) {
        Checks.notNull(interaction, "interaction");
        if (!(interaction.subject() instanceof Subject.Known known)) {
            return 0;
        }
        double points = rules.points(interaction);
        if (points == 0) {
            return 0;
        }
        Instant at = interaction.occurredAt();
        states.merge(known.customer(), new EngagementState(points, at),
                (state, added) -> state.plus(points, at, halfLifeSeconds));
        return points;
    }

    /** The customer's score at {@code at}; zero if nothing was recorded for the customer. */
    public double score(CustomerId customer, Instant at) {
        Checks.notNull(customer, "customer");
        Checks.notNull(at, "at");
        EngagementState state = states.get(customer);
        return state == null ? 0 : state.valueAt(at, halfLifeSeconds);
    }

    /** How many customers have a score. */
    public int size() {
        return states.size();
    }
}
