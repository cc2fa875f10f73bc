package org.crmkit.analytics.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.internal.Engine;
import org.crmkit.internal.EngineHooks;
import org.crmkit.scoring.EngagementRules;
import org.crmkit.scoring.EngagementState;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;

/**
 * What analytics changes inside the unit of a customer write, under the customers' locks: the live engagement score
 * of a recorded interaction, and the scores and memberships of merged and erased customers. Stateless apart from its
 * configuration; thread-safe.
 */
public final class AnalyticsHooks implements EngineHooks {
    private final Engine engine;
    private final Optional<EngagementRules> rules;
    private final StoredScores scores;
    private final StoredMemberships memberships;

    public AnalyticsHooks(Engine engine, Optional<EngagementRules> rules, StoredScores scores,
                          StoredMemberships memberships) {
        this.engine = engine;
        this.rules = rules;
        this.scores = scores;
        this.memberships = memberships;
    }

    /** Adds the points a customer's interaction earns to its engagement (nothing without rules or points). */
    @Override
    public void interactionRecorded(Interaction interaction) {
        if (rules.isEmpty() || !(interaction.subject() instanceof Subject.Known known)) {
            return;
        }
        double points = rules.get().points(interaction);
        if (points == 0) {
            return;
        }
        TenantId tenant = interaction.tenant();
        Instant at = interaction.occurredAt();
        EngagementState next = scores.engagement(tenant, known.customer())
                .map(s -> s.plus(points, at, rules.get().halfLife()))
                .orElseGet(() -> new EngagementState(points, at));
        scores.write(tenant, known.customer(), List.of(StoredScores.engagementScore(next)),
                interaction.recordedAt());
    }

    /**
     * The survivor's engagement takes in the merged customer's (its interactions are the survivor's now); the
     * merged customer's scores are forgotten and it leaves every segment. The survivor's batch scores stay until the
     * next batch scoring.
     */
    @Override
    public void merged(TenantId tenant, CustomerId survivor, CustomerId merged, Instant at) {
        if (rules.isPresent()) {
            scores.engagement(tenant, merged).ifPresent(gone -> {
                EngagementState joined = scores.engagement(tenant, survivor)
                        .map(s -> s.plus(gone, rules.get().halfLife())).orElse(gone);
                scores.write(tenant, survivor, List.of(StoredScores.engagementScore(joined)), at);
            });
        }
        scores.remove(tenant, merged);
        memberships.leaveAll(tenant, merged, at);
    }

    /** Forgets every score of the erased customers and takes them out of every segment. */
    @Override
    public boolean erased(TenantId tenant, Set<CustomerId> ids) {
        Instant now = engine.clock().instant();
        boolean any = false;
        for (CustomerId id : ids) {
            any |= scores.remove(tenant, id) > 0;
            any |= memberships.leaveAll(tenant, id, now) > 0;
        }
        return any;
    }
}
