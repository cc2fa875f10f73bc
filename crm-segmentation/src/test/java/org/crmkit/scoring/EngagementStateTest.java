package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.InteractionType;
import org.junit.jupiter.api.Test;

class EngagementStateTest {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void valueAt_halvesEveryHalfLife_andGrowsBackBeforeTheReference() {
        EngagementState s = new EngagementState(20, T0);

        assertThat(s.valueAt(T0, WEEK)).isEqualTo(20.0);
        assertThat(s.valueAt(T0.plus(WEEK), WEEK)).isCloseTo(10.0, within(1e-12));
        assertThat(s.valueAt(T0.minus(WEEK), WEEK)).isCloseTo(40.0, within(1e-12));
    }

    @Test
    void plus_laterPoints_moveTheReferenceForward() {
        EngagementState s = new EngagementState(20, T0).plus(5, T0.plus(WEEK), WEEK);

        assertThat(s.reference()).isEqualTo(T0.plus(WEEK));
        assertThat(s.value()).isCloseTo(15.0, within(1e-12));
    }

    @Test
    void plus_earlierPoints_keepTheReferenceAndCountDecayed() {
        EngagementState s = new EngagementState(20, T0).plus(8, T0.minus(WEEK), WEEK);

        assertThat(s.reference()).isEqualTo(T0);
        assertThat(s.value()).isCloseTo(24.0, within(1e-12));
    }

    @Test
    void plusState_isTheScoreOfBothHistories() {
        EngagementState ann = new EngagementState(20, T0);
        EngagementState bob = new EngagementState(6, T0.plus(WEEK));
        Instant later = T0.plus(WEEK.multipliedBy(3));

        double both = ann.valueAt(later, WEEK) + bob.valueAt(later, WEEK);
        assertThat(ann.plus(bob, WEEK).valueAt(later, WEEK)).isCloseTo(both, within(1e-12));
        assertThat(bob.plus(ann, WEEK).valueAt(later, WEEK)).isCloseTo(both, within(1e-12));
    }

    @Test
    void sameArithmeticAsTheScorer() {
        EngagementRules rules = EngagementRules.builder().halfLife(Duration.ofSeconds(3600, 5))
                .rule(EngagementRule.of(InteractionType.PAGE_VIEW, 3)).build();
        EngagementScorer scorer = new EngagementScorer(rules);
        scorer.record(TestInteractions.pageView("ann", "/", T0));
        scorer.record(TestInteractions.pageView("ann", "/", T0.plusSeconds(1000)));
        scorer.record(TestInteractions.pageView("ann", "/", T0.minusSeconds(777)));

        EngagementState s = new EngagementState(3, T0).plus(3, T0.plusSeconds(1000), rules.halfLife())
                .plus(3, T0.minusSeconds(777), rules.halfLife());

        Instant at = T0.plusSeconds(5000);
        assertThat(s.valueAt(at, rules.halfLife())).isEqualTo(scorer.score(
                CustomerId.of("ann"), at));
    }

    @Test
    void invalidArguments_areValidationExceptionsNamingThem() {
        EngagementState s = new EngagementState(1, T0);
        assertThatThrownBy(() -> new EngagementState(Double.NaN, T0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> new EngagementState(1, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("reference");
        assertThatThrownBy(() -> s.plus(Double.POSITIVE_INFINITY, T0, WEEK)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("points");
        assertThatThrownBy(() -> s.plus(1, null, WEEK)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("at");
        assertThatThrownBy(() -> s.valueAt(T0, Duration.ZERO)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("halfLife");
        assertThatThrownBy(() -> s.plus(null, WEEK)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("other");
        assertThatThrownBy(() -> new EngagementState(Double.MAX_VALUE, T0).plus(Double.MAX_VALUE, T0, WEEK))
                .isInstanceOf(ValidationException.class).hasMessageContaining("value");
    }
}
