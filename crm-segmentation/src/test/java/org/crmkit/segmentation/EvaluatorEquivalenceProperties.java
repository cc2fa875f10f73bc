package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.SegmentChange;
import org.crmkit.spi.segment.SegmentDefinition;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

class EvaluatorEquivalenceProperties {
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @Property(tries = 150, seed = "20261123")
    void bulkIncrementalCompiledAndReference_giveTheSameMembers(@ForAll long seed) {
        SegmentCatalog catalog = Fixtures.catalog();
        catalog.define("base_vip", "vip = true or tags contains \"v2\"");
        for (int k = 0; k < 6; k++) {
            catalog.define(new SegmentDefinition("s" + k, new RandomConditions(seed + k, false).condition(3)));
        }
        RandomBase base = new RandomBase(seed, 40);
        List<CustomerSnapshot> snapshots = base.snapshots();

        Map<String, Set<CustomerId>> events = new ConcurrentHashMap<>();
        IncrementalSegments incremental = replay(catalog, base, events);
        SegmentEvaluator bulk = SegmentEvaluator.of(catalog, Fixtures.CLOCK, Fixtures.ZONE).on(POOL);
        Map<String, Condition> conditions = new HashMap<>();
        catalog.definitions().forEach(d -> conditions.put(d.name(), d.condition()));
        ReferenceEvaluator reference = new ReferenceEvaluator(conditions, catalog.functions(), Fixtures.NOW,
                Fixtures.ZONE);
        CompiledSegments compiled = CompiledSegments.of(catalog, Fixtures.ZONE);
        Map<String, Set<CustomerId>> matched = new HashMap<>();
        for (CustomerSnapshot s : snapshots) {
            compiled.matching(s, Fixtures.NOW).forEach(name -> matched.computeIfAbsent(name, x -> new HashSet<>())
                    .add(s.customer().id()));
        }

        for (SegmentDefinition d : catalog.definitions()) {
            Set<CustomerId> expected = new HashSet<>();
            for (Customer c : base.customers) {
                if (reference.test(d.condition(), c, base.interactionsOf(c.id()), base.scores.get(c.id()))) {
                    expected.add(c.id());
                }
            }
            Statistics.collect(expected.isEmpty() ? "no member" : expected.size() == base.customers.size()
                    ? "all members" : "some members");
            assertThat(bulk.members(d.name(), snapshots)).as("bulk %s", d).isEqualTo(expected);
            assertThat(incremental.members(d.name())).as("incremental %s", d).isEqualTo(expected);
            assertThat(matched.getOrDefault(d.name(), Set.of())).as("compiled %s", d).isEqualTo(expected);
            assertThat(events.getOrDefault(d.name(), Set.of())).as("events %s", d).isEqualTo(expected);
        }
    }

    /**
     * Starts from bare profiles, then reports the full profiles, every interaction (in random order) and the scores,
     * applying the entered/left events to {@code events}.
     */
    private static IncrementalSegments replay(SegmentCatalog catalog, RandomBase base,
                                              Map<String, Set<CustomerId>> events) {
        IncrementalSegments incremental = IncrementalSegments.of(catalog, Fixtures.TENANT, Fixtures.CLOCK,
                Fixtures.ZONE, change -> {
                    Set<CustomerId> members = events.computeIfAbsent(change.segment(), s -> new HashSet<>());
                    if (change.kind() == SegmentChange.Kind.ENTERED) {
                        assertThat(members.add(change.customer())).isTrue();
                    } else {
                        assertThat(members.remove(change.customer())).isTrue();
                    }
                });
        Map<CustomerId, CustomerSnapshot> current = new HashMap<>();
        List<CustomerSnapshot> bare = new ArrayList<>();
        for (Customer c : base.customers) {
            CustomerSnapshot s = CustomerSnapshot.of(Fixtures.customer(c.id().value()).build());
            bare.add(s);
            current.put(c.id(), s);
        }
        incremental.load(bare);
        bare.forEach(s -> {
            for (String segment : incremental.segmentsOf(s.customer().id())) {
                events.computeIfAbsent(segment, x -> new HashSet<>()).add(s.customer().id());
            }
        });
        for (Customer c : base.customers) {
            CustomerSnapshot s = current.get(c.id()).withCustomer(c);
            current.put(c.id(), s);
            incremental.profileChanged(s);
        }
        for (Interaction i : base.interactions) {
            CustomerId id = ((Subject.Known) i.subject()).customer();
            CustomerSnapshot s = current.get(id).withInteraction(i);
            current.put(id, s);
            incremental.interactionRecorded(s, i);
        }
        for (Customer c : base.customers) {
            CustomerSnapshot s = new CustomerSnapshot(c, current.get(c.id()).interactions(), base.scores.get(c.id()));
            incremental.scoresChanged(s);
        }
        return incremental;
    }
}
