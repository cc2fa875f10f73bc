package org.crmkit.segmentation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.segment.ScoreReading;
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
                                                List<Interaction> interactions, Map<CustomerId, List<Score>> scores) {
        return (t, segment, now, zone, reading) -> {
            if (!t.equals(tenant)) {
                return Set.of();
            }
            List<CustomerSnapshot> base = new ArrayList<>();
            for (Customer c : customers) {
                base.add(new CustomerSnapshot(c, InteractionHistory.of(of(c, interactions)),
                        scoresAt(c, scores, reading, now)));
            }
            SegmentCatalog catalog = SegmentCatalog.builder().attributes(SegmentQueryFixture.SCHEMA)
                    .score("engagement").score("rfm.recency").build();
            catalog.define(segment);
            return SegmentEvaluator.of(catalog, Clock.fixed(now, zone), zone).members(segment.name(), base);
        };
    }

    @Override
    protected SegmentQueryCapability reference(TenantId tenant, List<Customer> customers,
                                               List<Interaction> interactions, Map<CustomerId, List<Score>> scores) {
        return (t, segment, now, zone, reading) -> {
            ReferenceEvaluator reference = new ReferenceEvaluator(Map.of(), Map.of(), now, zone);
            return customers.stream().filter(c -> c.tenant().equals(t))
                    .filter(c -> reference.test(segment.condition(), c, of(c, interactions),
                            scoresAt(c, scores, reading, now)))
                    .map(Customer::id).collect(Collectors.toSet());
        };
    }

    private static List<Interaction> of(Customer c, List<Interaction> interactions) {
        return interactions.stream().filter(i -> i.subject().equals(Subject.customer(c.id()))).toList();
    }

    private static Map<String, Double> scoresAt(Customer c, Map<CustomerId, List<Score>> scores, ScoreReading reading,
                                                Instant now) {
        return reading.valuesAt(scores.getOrDefault(c.id(), List.of()), now);
    }
}
