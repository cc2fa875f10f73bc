package org.crmkit.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.interaction.Interaction;

/**
 * The host's engagement rules and the half-life with which earned points fade. An interaction earns the sum of the
 * points of every rule it matches (zero if none). Immutable and thread-safe.
 */
public final class EngagementRules {
    private final List<EngagementRule> rules;
    private final Duration halfLife;

    private EngagementRules(List<EngagementRule> rules, Duration halfLife) {
        this.rules = List.copyOf(rules);
        this.halfLife = halfLife;
    }

    /** A builder with no rules and a half-life of 30 days. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules, in the order they were added. */
    public List<EngagementRule> rules() {
        return rules;
    }

    /** The time after which earned points count half. */
    public Duration halfLife() {
        return halfLife;
    }

    /** The points {@code interaction} earns at the moment it occurs: the sum over the rules it matches. */
    public double points(Interaction interaction) {
        Checks.notNull(interaction, "interaction");
        double points = 0;
        for (EngagementRule rule : rules) {
            if (rule.matches(interaction)) {
                points += rule.points();
            }
        }
        return points;
    }

    /** Builds {@link EngagementRules}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private final List<EngagementRule> rules = new ArrayList<>();
        private Duration halfLife = Duration.ofDays(30);

        private Builder() {
        }

        /** Adds a rule; an interaction matching several rules earns the points of each. */
        public Builder rule(EngagementRule rule) {
            rules.add(Checks.notNull(rule, "rule"));
            return this;
        }

        /** The time after which points count half; positive. 30 days by default. */
        public Builder halfLife(Duration halfLife) {
            Checks.notNull(halfLife, "halfLife");
            if (halfLife.isNegative() || halfLife.isZero()) {
                throw new ValidationException("halfLife", "must be positive (" + halfLife + ")");
            }
            this.halfLife = halfLife;
            return this;
        }

        /** The rules; the builder may be reused. */
        public EngagementRules build() {
            return new EngagementRules(rules, halfLife);
        }
    }
}
