package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.crmkit.segmentation.internal.NodeHorizons;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.SegmentDefinition;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/** A node's value does not change before the horizon {@link NodeHorizons} gives, nor ever if it gives none. */
class NodeHorizonsProperties {
    @Property(tries = 200, seed = "20261123")
    void value_isTheSameUntilTheHorizon(@ForAll long seed) {
        RandomConditions random = new RandomConditions(seed, false);
        Condition node = random.condition(0);
        for (int i = 0; i < 500 && !NodeHorizons.handles(node); i++) {
            node = random.condition(0);
        }
        SegmentCatalog catalog = Fixtures.catalog();
        catalog.define(new SegmentDefinition("node", node));
        for (CustomerSnapshot customer : new RandomBase(seed, 8).snapshots()) {
            Optional<Instant> horizon = NodeHorizons.next(node, customer, Fixtures.NOW, Fixtures.ZONE);
            boolean now = member(catalog, customer, Fixtures.NOW);
            List<Instant> before = horizon.map(h -> List.of(h.minusMillis(1),
                    Fixtures.NOW.plus(Duration.between(Fixtures.NOW, h).dividedBy(2))))
                    .orElse(List.of(Fixtures.NOW.plus(Duration.ofDays(1)), Fixtures.NOW.plus(Duration.ofDays(400))));
            Statistics.collect(horizon.isPresent() ? "horizon" : "none");
            for (Instant t : before) {
                assertThat(member(catalog, customer, t)).as("%s at %s (horizon %s)", node, t, horizon).isEqualTo(now);
            }
            horizon.ifPresent(h -> assertThat(h).isAfter(Fixtures.NOW));
        }
    }

    private static boolean member(SegmentCatalog catalog, CustomerSnapshot customer, Instant at) {
        return SegmentEvaluator.of(catalog, Clock.fixed(at, Fixtures.ZONE), Fixtures.ZONE).matches("node", customer);
    }
}
