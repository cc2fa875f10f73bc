package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.SegmentDefinition;

/**
 * What a segment says of a customer does not change before the instant {@link CompiledSegments#nextChange} gives,
 * nor ever (within 400 days) if it gives none: over random conditions of every kind, nested, and random customers.
 * A segment {@link CompiledSegments#timeDependent} leaves out says the same at every instant.
 */
class NextChangeProperties {
    @Property(tries = 300, seed = "20261202")
    void membership_isTheSameUntilTheNextChange(@ForAll long seed) {
        RandomConditions random = new RandomConditions(seed, false);
        Condition condition = random.condition(2);
        SegmentCatalog catalog = Fixtures.catalog();
        catalog.define("base_vip", "vip = true or tags contains \"v2\"");
        catalog.define(new SegmentDefinition("node", condition));
        CompiledSegments compiled = CompiledSegments.of(catalog, Fixtures.ZONE);
        for (CustomerSnapshot customer : new RandomBase(seed, 8).snapshots()) {
            Optional<Instant> next = compiled.nextChange(customer, Fixtures.NOW, Map.of());
            boolean now = member(catalog, customer, Fixtures.NOW);
            List<Instant> before = next.map(h -> List.of(h.minusMillis(1),
                    Fixtures.NOW.plus(Duration.between(Fixtures.NOW, h).dividedBy(2)),
                    Fixtures.NOW.plus(Duration.between(Fixtures.NOW, h).dividedBy(7))))
                    .orElse(List.of(Fixtures.NOW.plus(Duration.ofHours(1)), Fixtures.NOW.plus(Duration.ofDays(1)),
                            Fixtures.NOW.plus(Duration.ofDays(400))));
            Statistics.collect(next.isPresent() ? "changes" : "never");
            for (Instant t : before) {
                assertThat(member(catalog, customer, t)).as("%s at %s (next change %s)", condition, t, next)
                        .isEqualTo(now);
            }
            next.ifPresent(h -> assertThat(h).isAfter(Fixtures.NOW));
        }
    }

    @Property(tries = 300, seed = "20261203")
    void segmentsNotDependingOnTime_sayTheSameAtEveryInstant(@ForAll long seed) {
        RandomConditions random = new RandomConditions(seed, false);
        SegmentCatalog catalog = Fixtures.catalog();
        catalog.define("base_vip", "vip = true or tags contains \"v2\"");
        catalog.define(new SegmentDefinition("inner", random.condition(1)));
        catalog.define(new SegmentDefinition("node", new Condition.And(List.of(random.condition(1),
                new Condition.SegmentRef("inner")))));
        CompiledSegments compiled = CompiledSegments.of(catalog, Fixtures.ZONE);
        BitSet timed = compiled.timeDependent();
        int node = compiled.segments().indexOf("node");
        Statistics.collect(timed.get(node) ? "time-dependent" : "timeless");
        for (CustomerSnapshot customer : new RandomBase(seed, 8).snapshots()) {
            BitSet all = compiled.matchingIndexes(customer, Fixtures.NOW);
            BitSet among = compiled.matchingIndexes(customer, Fixtures.NOW, timed);
            BitSet expected = (BitSet) all.clone();
            expected.and(timed);
            assertThat(among).isEqualTo(expected);
            if (!timed.get(node)) {
                boolean now = member(catalog, customer, Fixtures.NOW);
                for (Duration later : List.of(Duration.ofHours(1), Duration.ofDays(3), Duration.ofDays(400))) {
                    assertThat(member(catalog, customer, Fixtures.NOW.plus(later))).isEqualTo(now);
                }
                assertThat(compiled.nextChange(customer, Fixtures.NOW, Map.of())).isEmpty();
            }
        }
    }

    private static boolean member(SegmentCatalog catalog, CustomerSnapshot customer, Instant at) {
        return SegmentEvaluator.of(catalog, Clock.fixed(at, Fixtures.ZONE), Fixtures.ZONE).matches("node", customer);
    }
}
