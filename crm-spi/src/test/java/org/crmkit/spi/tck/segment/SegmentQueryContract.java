package org.crmkit.spi.tck.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.SegmentQueryCapability;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of {@link SegmentQueryCapability}: a store's members must equal the ones
 * {@link SegmentQueryCatalogue} lists for {@link SegmentQueryFixture}. Those expectations were computed by hand and
 * are held to crm-segmentation's in-memory evaluator by its own subclass of this contract, so a store that passes
 * answers as the in-memory engine does.
 *
 * <p>Why fixed expectations rather than a reference evaluator passed in: crm-spi cannot depend on
 * crm-segmentation, and a store's test module should not need the engine to prove itself; a fixed catalogue also
 * makes a failure readable ("case orders_30d: expected [anna, dev, eve]").
 *
 * <p>Beyond the catalogue, a property compares the store with a {@link #reference} evaluator (the in-memory one) on
 * random data ({@link RandomSegmentData}) and random segments ({@link RandomResolvedConditions}); a segment the
 * store declines through {@link SegmentQueryCapability#refusal} must make {@code members} throw
 * {@link UnsupportedCapabilityException}, and one it accepts must be answered exactly as the reference does.
 *
 * <p>Subclass it in the store's tests: load the data in {@link #capability}, give the reference in
 * {@link #reference}, and list in {@link #unsupported()} the node types the store refuses; for a case using one of
 * those, the store must throw {@link UnsupportedCapabilityException} instead of answering.
 */
public abstract class SegmentQueryContract {
    /**
     * A store of {@code tenant} holding exactly {@code customers}, {@code interactions} and {@code scores} (and
     * nothing of that tenant besides), offering segment queries.
     */
    protected abstract SegmentQueryCapability capability(TenantId tenant, List<Customer> customers,
                                                         List<Interaction> interactions,
                                                         Map<CustomerId, List<Score>> scores);

    /**
     * The evaluator the store must agree with, over the same data: crm-segmentation's in-memory evaluator (a store's
     * test module has crm-core on its test class path), or an independent one for the in-memory evaluator itself.
     */
    protected abstract SegmentQueryCapability reference(TenantId tenant, List<Customer> customers,
                                                        List<Interaction> interactions,
                                                        Map<CustomerId, List<Score>> scores);

    /** How many random segments each random data set is asked. */
    protected int segmentsPerDataSet() {
        return 60;
    }

    /** The node types the store refuses with {@link UnsupportedCapabilityException}; none by default. */
    protected Set<Class<? extends Condition>> unsupported() {
        return Set.of();
    }

    @TestFactory
    Stream<DynamicTest> members_equalTheCatalogue() {
        SegmentQueryCapability store = capability(SegmentQueryFixture.TENANT, SegmentQueryFixture.customers(),
                SegmentQueryFixture.interactions(), SegmentQueryFixture.scores());
        return SegmentQueryCatalogue.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            SegmentDefinition segment = new SegmentDefinition(c.name(), c.condition());
            if (usesUnsupported(c.condition())) {
                assertThatThrownBy(() -> store.members(SegmentQueryFixture.TENANT, segment, SegmentQueryFixture.NOW,
                        c.zone(), c.scores())).isInstanceOf(UnsupportedCapabilityException.class);
                return;
            }
            Set<String> members = new TreeSet<>();
            for (CustomerId id : store.members(SegmentQueryFixture.TENANT, segment, SegmentQueryFixture.NOW,
                    c.zone(), c.scores())) {
                members.add(id.value());
            }
            assertThat(members).as(c.name()).isEqualTo(new TreeSet<>(c.expected()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> members_ofAnotherTenant_areEmpty() {
        SegmentQueryCapability store = capability(SegmentQueryFixture.TENANT, SegmentQueryFixture.customers(),
                SegmentQueryFixture.interactions(), SegmentQueryFixture.scores());
        SegmentQueryCatalogue.Case all = SegmentQueryCatalogue.cases().get(0);
        return Stream.of(DynamicTest.dynamicTest("other tenant", () -> assertThat(store.members(
                TenantId.of("tck-other"), new SegmentDefinition(all.name(), all.condition()), SegmentQueryFixture.NOW,
                all.zone(), all.scores())).isEmpty()));
    }

    @Property(tries = 12)
    void members_ofRandomSegmentsOnRandomData_equalTheReference(@ForAll long seed) {
        RandomSegmentData data = RandomSegmentData.generate(seed);
        TenantId tenant = SegmentQueryFixture.TENANT;
        SegmentQueryCapability store = capability(tenant, data.customers(), data.interactions(), data.scores());
        SegmentQueryCapability reference = reference(tenant, data.customers(), data.interactions(), data.scores());
        RandomResolvedConditions conditions = new RandomResolvedConditions(seed, data);
        for (int i = 0; i < segmentsPerDataSet(); i++) {
            SegmentDefinition segment = new SegmentDefinition("random_" + i, conditions.condition(3));
            Optional<String> refusal = store.refusal(segment);
            if (refusal.isPresent() || usesUnsupported(segment.condition())) {
                assertThat(refusal).as("refusal of %s", segment.condition()).isPresent();
                assertThatThrownBy(() -> store.members(tenant, segment, data.now(), data.zone(), data.reading()))
                        .isInstanceOf(UnsupportedCapabilityException.class);
                continue;
            }
            assertThat(store.members(tenant, segment, data.now(), data.zone(), data.reading()))
                    .as("%s at %s in %s reading %s", segment.condition(), data.now(), data.zone(), data.reading())
                    .containsExactlyInAnyOrderElementsOf(reference.members(tenant, segment, data.now(), data.zone(),
                            data.reading()));
        }
    }

    private boolean usesUnsupported(Condition c) {
        if (unsupported().contains(c.getClass())) {
            return true;
        }
        if (c instanceof Condition.And and) {
            return and.operands().stream().anyMatch(this::usesUnsupported);
        } else if (c instanceof Condition.Or or) {
            return or.operands().stream().anyMatch(this::usesUnsupported);
        }
        return c instanceof Condition.Not not && usesUnsupported(not.operand());
    }
}
