package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;

/** The decayed score does not depend on the order interactions arrive in, and equals the formula. */
class EngagementScorerProperties {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final InteractionType[] TYPES = {InteractionType.CAMPAIGN_CLICK, InteractionType.COMPLAINT,
        InteractionType.CALL, InteractionType.SIGN_UP};
    private static final EngagementRules RULES = EngagementRules.builder()
            .halfLife(Duration.ofDays(5))
            .rule(EngagementRule.of(InteractionType.CAMPAIGN_CLICK, 5))
            .rule(EngagementRule.of(InteractionType.COMPLAINT, -10))
            .rule(EngagementRule.of(InteractionType.CALL, 2.5))
            .rule(EngagementRule.of(InteractionType.SIGN_UP, 40))
            .build();

    /** An interaction of type {@code TYPES[type]} {@code seconds} after T0. */
    record Event(int type, long seconds) {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return Combinators.combine(Arbitraries.integers().between(0, TYPES.length - 1),
                        Arbitraries.longs().between(0, Duration.ofDays(120).toSeconds()))
                .as(Event::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void score_isTheSameForAnyArrivalOrder_andEqualsTheFormula(@ForAll("events") List<Event> events,
                                                                @ForAll long shuffleSeed,
                                                                @ForAll @IntRange(min = 0, max = 200) int daysAfter) {
        List<Interaction> interactions = new ArrayList<>();
        for (Event e : events) {
            interactions.add(TestInteractions.of("ann", Channel.EMAIL, TYPES[e.type()], T0.plusSeconds(e.seconds())));
        }
        List<Interaction> shuffled = new ArrayList<>(interactions);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        EngagementScorer original = new EngagementScorer(RULES);
        EngagementScorer permuted = new EngagementScorer(RULES);
        interactions.forEach(original::record);
        shuffled.forEach(permuted::record);
        Instant t = T0.plus(Duration.ofDays(daysAfter));

        double magnitude = 0;
        double formula = 0;
        for (Interaction i : interactions) {
            double weight = Math.pow(2, -Duration.between(i.occurredAt(), t).toSeconds() / (5 * 86_400.0));
            formula += RULES.points(i) * weight;
            magnitude += Math.abs(RULES.points(i) * weight);
        }
        double a = original.score(CustomerId.of("ann"), t);
        double b = permuted.score(CustomerId.of("ann"), t);
        // relative to the sum of the absolute terms: with mixed signs the sum itself may cancel to near zero
        assertThat(Math.abs(a - b)).isLessThanOrEqualTo(1e-9 * magnitude);
        assertThat(Math.abs(a - formula)).isLessThanOrEqualTo(1e-9 * magnitude);
    }
}
