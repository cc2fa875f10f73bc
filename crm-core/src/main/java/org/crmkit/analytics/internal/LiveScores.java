package org.crmkit.analytics.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.scoring.EngagementRules;
import org.crmkit.scoring.EngagementScorer;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;

/**
 * Scores kept up to date on every recorded interaction: the engagement score (one scorer per tenant, when the host
 * configured rules). Thread-safe.
 */
public final class LiveScores {
    public static final String ENGAGEMENT = "engagement";

    private final Optional<EngagementRules> rules;
    private final Map<TenantId, EngagementScorer> scorers = new ConcurrentHashMap<>();

    public LiveScores(Optional<EngagementRules> rules) {
        this.rules = rules;
    }

    /** Takes in a recorded interaction; the customer's new engagement score, if rules are configured. */
    public Optional<Double> record(Interaction interaction) {
        if (rules.isEmpty() || !(interaction.subject() instanceof Subject.Known)) {
            return Optional.empty();
        }
        return Optional.of(scorers.computeIfAbsent(interaction.tenant(), t -> new EngagementScorer(rules.get()))
                .record(interaction));
    }

    /** The live scores of a customer at {@code at}. */
    public Map<String, Double> of(TenantId tenant, CustomerId customer, Instant at) {
        EngagementScorer scorer = scorers.get(tenant);
        return scorer == null ? Map.of() : Map.of(ENGAGEMENT, scorer.score(customer, at));
    }
}
