package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.crmkit.scoring.EngagementRule.PropertyMatch;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.junit.jupiter.api.Test;

class EngagementScorerTest {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final CustomerId ANN = CustomerId.of("ann");
    private static final EngagementRules RULES = EngagementRules.builder()
            .halfLife(WEEK)
            .rule(EngagementRule.of(InteractionType.CAMPAIGN_CLICK, 5).onChannel(Channel.EMAIL))
            .rule(EngagementRule.of(InteractionType.PAGE_VIEW, 20).where(PropertyMatch.startsWith("path", "/pricing")))
            .rule(EngagementRule.of(InteractionType.COMPLAINT, -10))
            .build();

    @Test
    void score_afterOneHalfLife_isHalfThePoints() {
        EngagementScorer scorer = new EngagementScorer(RULES);

        scorer.record(TestInteractions.pageView("ann", "/pricing/teams", T0));

        assertThat(scorer.score(ANN, T0)).isEqualTo(20.0);
        assertThat(scorer.score(ANN, T0.plus(WEEK))).isCloseTo(10.0, within(1e-12));
        assertThat(scorer.score(ANN, T0.plus(WEEK.multipliedBy(2)))).isCloseTo(5.0, within(1e-12));
        assertThat(scorer.score(ANN, T0.plus(Duration.ofHours(84)))).isCloseTo(20 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void score_sumsDecayedPointsOfEveryMatchingInteraction() {
        EngagementScorer scorer = new EngagementScorer(RULES);

        scorer.record(TestInteractions.of("ann", Channel.EMAIL, InteractionType.CAMPAIGN_CLICK, T0));
        scorer.record(TestInteractions.pageView("ann", "/pricing", T0.plus(WEEK)));
        scorer.record(TestInteractions.of("ann", Channel.PHONE, InteractionType.COMPLAINT, T0.plus(WEEK.multipliedBy(2))));

        double expected = 5 * 0.25 + 20 * 0.5 - 10;
        assertThat(scorer.score(ANN, T0.plus(WEEK.multipliedBy(2)))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void record_interactionsMatchingNoRule_earnNothing() {
        EngagementScorer scorer = new EngagementScorer(RULES);

        assertThat(scorer.record(TestInteractions.of("ann", Channel.WEB, InteractionType.CAMPAIGN_CLICK, T0))).isZero();
        assertThat(scorer.record(TestInteractions.pageView("ann", "/blog/pricing", T0))).isZero();
        assertThat(scorer.record(TestInteractions.anonymousOrder("v1", T0, "10"))).isZero();
        assertThat(scorer.score(ANN, T0)).isZero();
        assertThat(scorer.size()).isZero();
    }

    @Test
    void record_outOfOrderInteraction_countsAsIfInOrder() {
        EngagementScorer inOrder = new EngagementScorer(RULES);
        EngagementScorer late = new EngagementScorer(RULES);
        Interaction early = TestInteractions.pageView("ann", "/pricing", T0);
        Interaction later = TestInteractions.of("ann", Channel.EMAIL, InteractionType.CAMPAIGN_CLICK, T0.plus(WEEK));

        inOrder.record(early);
        inOrder.record(later);
        late.record(later);
        late.record(early);

        Instant t = T0.plus(Duration.ofDays(10));
        assertThat(late.score(ANN, t)).isCloseTo(inOrder.score(ANN, t), within(1e-12));
        assertThat(late.score(ANN, T0.plus(WEEK))).isCloseTo(20 * 0.5 + 5, within(1e-12));
    }

    @Test
    void score_beforeTheLatestInteraction_appliesTheFormulaBackwards() {
        EngagementScorer scorer = new EngagementScorer(RULES);

        scorer.record(TestInteractions.pageView("ann", "/pricing", T0.plus(WEEK)));

        assertThat(scorer.score(ANN, T0)).isCloseTo(40.0, within(1e-12));
    }

    @Test
    void propertyMatch_equalTo_needsTheWholeText_andIgnoresOtherTypes() {
        PropertyMatch exact = PropertyMatch.equalTo("path", "/pricing");

        assertThat(exact.matches(TestInteractions.pageView("ann", "/pricing", T0))).isTrue();
        assertThat(exact.matches(TestInteractions.pageView("ann", "/pricing/teams", T0))).isFalse();
        Interaction numeric = TestInteractions.pageView("ann", "/x", T0).toBuilder()
                .property("path", TypedValue.of(3)).build();
        assertThat(exact.matches(numeric)).isFalse();
        assertThat(exact.matches(TestInteractions.of("ann", Channel.WEB, InteractionType.PAGE_VIEW, T0))).isFalse();
    }

    @Test
    void rules_invalidSettings_failInTheSetter() {
        assertThatThrownBy(() -> EngagementRules.builder().halfLife(Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("halfLife"));
        assertThatThrownBy(() -> EngagementRule.of(InteractionType.CALL, Double.NaN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("points"));
    }

    @Test
    void record_fromManyThreads_losesNoUpdate() throws InterruptedException {
        EngagementScorer scorer = new EngagementScorer(RULES);
        List<Interaction> clicks = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            clicks.add(TestInteractions.of("ann", Channel.EMAIL, InteractionType.CAMPAIGN_CLICK, T0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);

        clicks.forEach(click -> pool.execute(() -> scorer.record(click)));
        pool.shutdown();

        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(scorer.score(ANN, T0)).isEqualTo(20_000.0);
    }
}
