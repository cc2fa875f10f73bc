package org.crmkit.jpa;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.InteractionHistory;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.segmentation.SegmentEvaluator;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.SegmentQueryCapability;
import org.crmkit.spi.tck.segment.SegmentQueryContract;
import org.crmkit.spi.tck.segment.SegmentQueryFixture;

/**
 * Segment pushdown on a database against the segment TCK: the data is written through the adapter's own ports in
 * one unit, and the random segments are held to crm-segmentation's in-memory evaluator.
 */
abstract class JpaSegmentQueryContract extends SegmentQueryContract {
    /** The database, migrated and emptied. */
    abstract EntityManagerFactory database();

    @Override
    protected SegmentQueryCapability capability(TenantId tenant, List<Customer> customers,
                                                List<Interaction> interactions, Map<CustomerId, List<Score>> scores) {
        JpaStorage storage = JpaStorage.of(database(), Databases.EVENTS);
        storage.atomically(List.of(), () -> {
            customers.forEach(storage.customers()::create);
            interactions.forEach(storage.interactions()::append);
            scores.forEach((id, list) -> storage.scores().put(tenant, id, list));
            return null;
        });
        return storage.capability(SegmentQueryCapability.class).orElseThrow();
    }

    @Override
    protected SegmentQueryCapability reference(TenantId tenant, List<Customer> customers,
                                               List<Interaction> interactions, Map<CustomerId, List<Score>> scores) {
        return (t, segment, now, zone, reading) -> {
            if (!t.equals(tenant)) {
                return Set.of();
            }
            List<CustomerSnapshot> base = new ArrayList<>();
            for (Customer c : customers) {
                base.add(new CustomerSnapshot(c, InteractionHistory.of(interactions.stream()
                        .filter(i -> i.subject().equals(Subject.customer(c.id()))).toList()),
                        reading.valuesAt(scores.getOrDefault(c.id(), List.of()), now)));
            }
            SegmentCatalog catalog = SegmentCatalog.builder().attributes(SegmentQueryFixture.SCHEMA)
                    .score("engagement").score("rfm.recency").build();
            catalog.define(segment);
            return SegmentEvaluator.of(catalog, Clock.fixed(now, zone), zone).members(segment.name(), base);
        };
    }

    @Override
    protected Set<Class<? extends Condition>> unsupported() {
        return Set.of(Matches.class, Condition.FunctionCall.class);
    }
}
