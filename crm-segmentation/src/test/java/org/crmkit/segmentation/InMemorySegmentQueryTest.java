package org.crmkit.segmentation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.segment.SegmentQueryCapability;
import org.crmkit.spi.tck.segment.SegmentQueryContract;
import org.crmkit.spi.tck.segment.SegmentQueryFixture;

/**
 * Runs the segment TCK against the in-memory evaluator: this holds the TCK's hand-computed expectations to the
 * engine, so that a store passing the TCK answers as the engine does; and its random segments hold the engine to
 * {@link ReferenceEvaluator}, the language's meaning written plainly.
 */
class InMemorySegmentQueryTest extends SegmentQueryContract {
    @Override
    protected SegmentQueryCapability capability(TenantId tenant, List<Customer> customers,
                                                List<Interaction> interactions) {
        List<CustomerSnapshot> base = new ArrayList<>();
        for (Customer c : customers) {
            base.add(new CustomerSnapshot(c, InteractionHistory.of(interactions.stream()
                    .filter(i -> i.subject().equals(Subject.customer(c.id()))).toList()), Map.of()));
        }
        return (t, segment, now, zone) -> {
            if (!t.equals(tenant)) {
                return Set.of();
            }
            SegmentCatalog catalog = SegmentCatalog.builder().attributes(SegmentQueryFixture.SCHEMA).build();
            catalog.define(segment);
            return SegmentEvaluator.of(catalog, Clock.fixed(now, zone), zone).members(segment.name(), base);
        };
    }

    @Override
    protected SegmentQueryCapability reference(TenantId tenant, List<Customer> customers,
                                               List<Interaction> interactions) {
        return (t, segment, now, zone) -> {
            ReferenceEvaluator reference = new ReferenceEvaluator(Map.of(), Map.of(), now, zone);
            return customers.stream().filter(c -> c.tenant().equals(t))
                    .filter(c -> reference.test(segment.condition(), c, interactions.stream()
                            .filter(i -> i.subject().equals(Subject.customer(c.id()))).toList(), Map.of()))
                    .map(Customer::id).collect(Collectors.toSet());
        };
    }
}
