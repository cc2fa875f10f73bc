package org.crmkit.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.crmkit.internal.Engine;
import org.crmkit.scoring.EngagementState;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.ScoreReading;

/**
 * The customers' scores as the storage's {@link ScoreStore} keeps them, and their changes with their
 * {@link DomainEvent.ScoreChanged} events. A batch score is stored as computed; the live {@code engagement} score is
 * stored as its {@link EngagementState}, the value at its reference instant ({@link Score#asOf()}), and read decayed
 * to the instant asked with the half-life of the engine's engagement rules (as stored, if the engine has none).
 * With rules, a customer that never earned points has an engagement of 0: the one place where an absent score has
 * a value (every other score a customer lacks stays absent, and comparisons on it are false).
 * Keeps nothing in memory. Thread-safe.
 */
public final class StoredScores {
    public static final String ENGAGEMENT = "engagement";

    private final Engine engine;
    private final ScoreReading reading;

    /**
     * @param halfLife the half-life of the engine's engagement rules, if it has rules
     */
    public StoredScores(Engine engine, Optional<Duration> halfLife) {
        this.engine = engine;
        this.reading = halfLife.map(h -> new ScoreReading(Map.of(ENGAGEMENT, h), Map.of(ENGAGEMENT, 0.0)))
                .orElse(ScoreReading.AS_STORED);
    }

    /** How scores are read: engagement decays and is 0 when absent if the engine has rules; the rest as stored. */
    public ScoreReading reading() {
        return reading;
    }

    /** The customer's scores by name, read at {@code now}. */
    public Map<String, Double> valuesAt(TenantId tenant, CustomerId customer, Instant now) {
        return reading.valuesAt(store().find(tenant, customer).values(), now);
    }

    /** The customer's score {@code name} read at {@code now}, if it has one. */
    public Optional<Double> valueAt(TenantId tenant, CustomerId customer, String name, Instant now) {
        return reading.valueAt(name, store().find(tenant, customer, name), now);
    }

    /** The scores that decay as time passes, with their half-lives: engagement, if the engine has rules. */
    public Map<String, Duration> halfLives() {
        return reading.halfLives();
    }

    /** The customer's stored engagement, if it earned any. */
    public Optional<EngagementState> engagement(TenantId tenant, CustomerId customer) {
        return store().find(tenant, customer, ENGAGEMENT).map(StoredScores::state);
    }

    /** {@code state} as the stored {@code engagement} score. */
    public static Score engagementScore(EngagementState state) {
        return Score.of(ENGAGEMENT, state.value(), state.reference());
    }

    private static EngagementState state(Score score) {
        return new EngagementState(score.value(), score.asOf());
    }

    /**
     * Stores those of {@code scores} whose value differs from the customer's stored one (or that it lacks) and writes
     * one {@link DomainEvent.ScoreChanged} naming them, at {@code at}; a batch score of unchanged value keeps its
     * stored {@code asOf}. The caller runs a unit holding the customer's lock.
     *
     * @return whether any score changed
     */
    public boolean write(TenantId tenant, CustomerId customer, List<Score> scores, Instant at) {
        SortedMap<String, Score> stored = store().find(tenant, customer);
        List<Score> changed = new ArrayList<>(scores.size());
        for (Score s : scores) {
            Score old = stored.get(s.name());
            if (old == null || !sameValue(old, s)) {
                changed.add(s);
            }
        }
        if (changed.isEmpty()) {
            return false;
        }
        store().put(tenant, customer, changed);
        engine.events().write(at, (id, when) -> new DomainEvent.ScoreChanged(id, tenant, when, customer, changed));
        return true;
    }

    /**
     * Whether two scores of one name have the same value at every instant: the same value for a batch score, the
     * same value at the same reference instant for engagement.
     */
    private static boolean sameValue(Score old, Score s) {
        return s.name().equals(ENGAGEMENT) ? old.equals(s) : Double.compare(old.value(), s.value()) == 0;
    }

    /** Forgets every score of the customer; how many it had. The caller runs a unit holding the customer's lock. */
    public int remove(TenantId tenant, CustomerId customer) {
        return store().remove(tenant, customer);
    }

    private ScoreStore store() {
        return engine.storage().scores();
    }
}
