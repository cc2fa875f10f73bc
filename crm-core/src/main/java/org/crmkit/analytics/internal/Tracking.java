package org.crmkit.analytics.internal;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.crmkit.internal.Engine;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.IncrementalSegments;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.segment.SegmentChange;

/**
 * Incremental segment tracking of one tenant: a snapshot per customer kept current from the engine's domain events,
 * and the segments re-evaluated for the changed customer only; each entry or exit is published as
 * {@link DomainEvent.SegmentMembershipChanged} right after the event that caused it. Thread-safe: changes of one
 * customer are applied one at a time.
 */
public final class Tracking {
    private final TenantId tenant;
    private final Snapshots snapshots;
    private final IncrementalSegments segments;
    private final Map<CustomerId, CustomerSnapshot> current = new ConcurrentHashMap<>();

    public Tracking(Engine engine, TenantId tenant, SegmentCatalog catalog, ZoneId zone, Snapshots snapshots) {
        this.tenant = tenant;
        this.snapshots = snapshots;
        this.segments = IncrementalSegments.of(catalog, tenant, engine.clock(), zone, change ->
                engine.events().write(change.at(), (id, at) -> new DomainEvent.SegmentMembershipChanged(id,
                        change.tenant(), at, change.segment(), change.customer(),
                        change.kind() == SegmentChange.Kind.ENTERED)));
        for (CustomerSnapshot s : snapshots.all(tenant)) {
            current.put(s.customer().id(), s);
        }
        segments.load(current.values());
    }

    public IncrementalSegments segments() {
        return segments;
    }

    /** Applies a domain event of this tenant. */
    public void apply(DomainEvent event) {
        if (event instanceof DomainEvent.InteractionRecorded e
                && e.interaction().subject() instanceof Subject.Known known) {
            Interaction i = e.interaction();
            change(known.customer(), s -> s.withInteraction(i), fresh -> segments.interactionRecorded(fresh, i));
        } else if (event instanceof DomainEvent.CustomerCreated e) {
            rebuild(e.customer());
        } else if (event instanceof DomainEvent.CustomerUpdated e) {
            Customer c = e.customer();
            change(c.id(), s -> s.withCustomer(c), segments::profileChanged);
        } else if (event instanceof DomainEvent.CustomersMerged e) {
            forget(e.record().merged());
            rebuild(e.survivor());
        } else if (event instanceof DomainEvent.InteractionsReassigned e) {
            snapshots.customer(tenant, e.to()).ifPresent(this::rebuild);
        } else if (event instanceof DomainEvent.CustomerErased e) {
            forget(e.customer());
        }
    }

    /** Takes the customer's new scores (after a batch scoring) and re-evaluates the segments reading scores. */
    public void scoresChanged(CustomerId customer) {
        current.computeIfPresent(customer, (id, s) -> {
            CustomerSnapshot fresh = snapshots.rescored(s);
            segments.scoresChanged(fresh);
            return fresh;
        });
    }

    private void change(CustomerId id, UnaryOperator<CustomerSnapshot> how,
                        Consumer<CustomerSnapshot> evaluate) {
        current.compute(id, (k, old) -> {
            if (old == null) {
                return snapshots.customer(tenant, id).map(c -> {
                    CustomerSnapshot fresh = snapshots.of(c);
                    segments.refresh(fresh);
                    return fresh;
                }).orElse(null);
            }
            CustomerSnapshot fresh = snapshots.rescored(how.apply(old));
            evaluate.accept(fresh);
            return fresh;
        });
    }

    private void rebuild(Customer customer) {
        current.compute(customer.id(), (k, old) -> {
            CustomerSnapshot fresh = snapshots.of(customer);
            segments.refresh(fresh);
            return fresh;
        });
    }

    private void forget(CustomerId id) {
        current.compute(id, (k, old) -> {
            segments.removed(id);
            return null;
        });
    }
}
