package org.crmkit.analytics.internal;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.internal.Engine;
import org.crmkit.segmentation.CompiledSegments;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;

/**
 * Incremental segment tracking of one tenant: the segments compiled when tracking started, and the customers'
 * memberships of them kept in the membership store. A changed customer is re-decided against every tracked segment
 * from its snapshot as stored, and only the differences from the stored memberships are written, each with its
 * event: so engines sharing a storage, or one restarted, agree and publish nothing twice. Keeps nothing about
 * customers in memory. Thread-safe.
 */
public final class Tracking {
    private final Engine engine;
    private final TenantId tenant;
    private final CompiledSegments segments;
    private final Snapshots snapshots;
    private final StoredMemberships memberships;

    public Tracking(Engine engine, TenantId tenant, CompiledSegments segments, Snapshots snapshots,
                    StoredMemberships memberships) {
        this.engine = engine;
        this.tenant = tenant;
        this.segments = segments;
        this.snapshots = snapshots;
        this.memberships = memberships;
    }

    /** The tracked segments. */
    public CompiledSegments segments() {
        return segments;
    }

    /**
     * Re-decides every customer of the tenant, one chunk of customers per storage unit holding their locks.
     */
    public void reconcileAll() {
        Optional<String> cursor = Optional.empty();
        do {
            Page<Customer> page = engine.customers().scan(tenant, cursor, CustomerChunks.SIZE);
            CustomerChunks.forEach(engine, tenant, page.items().stream().map(Customer::id).toList(),
                    this::reconcile);
            cursor = page.nextCursor();
        } while (cursor.isPresent());
    }

    /**
     * Re-decides the customer's tracked memberships now, from the customer as stored (a customer that no longer
     * exists is left alone: merges and erasure take it out of every segment). The caller runs a unit holding the
     * customer's lock.
     */
    public void reconcile(CustomerId id) {
        Instant now = engine.clock().instant();
        engine.customers().findById(tenant, id).ifPresent(c -> memberships.reconcile(tenant, id,
                segments.segments(), segments.matching(snapshots.of(c, now), now), now));
    }
}
