package org.crmkit.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.crmkit.internal.Engine;
import org.crmkit.segmentation.CompiledSegments;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.MembershipStore;

/**
 * Incremental segment tracking of one tenant: the segments of the tenant's catalog, compiled again whenever the
 * catalog changes, and the customers' memberships of them kept in the membership store. A changed customer is
 * re-decided against every tracked segment from its snapshot as stored, and only the differences from the stored
 * memberships are written, each with its event: so engines sharing a storage, or one restarted, agree and publish
 * nothing twice. Each decision also schedules the customer's next review in the store (when time alone may change
 * its memberships), and {@link #reviewDue} decides again the customers due. Keeps nothing about customers in memory.
 * Thread-safe.
 */
public final class Tracking {
    private static final int DUE_PAGE = 2_048;
    /**
     * Customers per unit of a review. Small, because chunks run in parallel and a storage's lock stripes are
     * shared: two units of 256 customers each would almost surely share a stripe and wait for each other.
     */
    private static final int REVIEW_UNIT = 8;

    private final Engine engine;
    private final TenantId tenant;
    private final SegmentCatalog catalog;
    private final ZoneId zone;
    private final Snapshots snapshots;
    private final StoredMemberships memberships;
    private final Map<String, Duration> halfLives;
    private volatile Compiled compiled;

    /** The tracked segments with every one of them, and those time alone can change. */
    private record Compiled(CompiledSegments segments, BitSet all, BitSet timed) {
        static Compiled of(CompiledSegments segments) {
            BitSet all = new BitSet();
            all.set(0, segments.segments().size());
            return new Compiled(segments, all, segments.timeDependent());
        }
    }

    /**
     * @param halfLives the scores that decay, with their half-lives
     */
    public Tracking(Engine engine, TenantId tenant, SegmentCatalog catalog, ZoneId zone, Snapshots snapshots,
                    StoredMemberships memberships, Map<String, Duration> halfLives) {
        this.engine = engine;
        this.tenant = tenant;
        this.catalog = catalog;
        this.zone = zone;
        this.snapshots = snapshots;
        this.memberships = memberships;
        this.halfLives = halfLives;
        this.compiled = Compiled.of(CompiledSegments.of(catalog, zone));
    }

    /** The tracked segments. */
    public CompiledSegments segments() {
        return compiled.segments();
    }

    /** Compiles the catalog's segments again and re-decides every customer against them. */
    public void resync() {
        compiled = Compiled.of(CompiledSegments.of(catalog, zone));
        reconcileAll();
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
     * Re-decides the customers whose review is due now, against the segments time alone can change, small units
     * of them in parallel on the common fork-join pool and the calling thread, until none is due (a customer whose
     * decision fails stays due, and is tried once per call).
     *
     * @return how many customers were decided
     */
    public int reviewDue() {
        Instant now = engine.clock().instant();
        Set<CustomerId> tried = new HashSet<>();
        AtomicInteger decided = new AtomicInteger();
        while (true) {
            List<CustomerId> due = new ArrayList<>();
            for (CustomerId id : store().dueForReview(tenant, now, DUE_PAGE)) {
                if (tried.add(id)) {
                    due.add(id);
                }
            }
            if (due.isEmpty()) {
                return decided.get();
            }
            int chunks = (due.size() + REVIEW_UNIT - 1) / REVIEW_UNIT;
            IntStream.range(0, chunks).parallel().forEach(k -> {
                List<CustomerId> chunk = due.subList(k * REVIEW_UNIT, Math.min(due.size(), (k + 1) * REVIEW_UNIT));
                CustomerChunks.run(engine, tenant, chunk, this::review);
                decided.addAndGet(chunk.size());
            });
        }
    }

    /**
     * Re-decides the customer's tracked memberships now, from the customer as stored, and schedules its next
     * review. A customer that no longer exists is left out of segments by merges and erasure; only its review is
     * cleared. The caller runs a unit holding the customer's lock.
     */
    public void reconcile(CustomerId id) {
        decide(id, false);
    }

    /**
     * {@link #reconcile} at the customer's review: only the segments time alone can change are decided again, since
     * every change of the customer decided all of them.
     */
    private void review(CustomerId id) {
        decide(id, true);
    }

    private void decide(CustomerId id, boolean timedOnly) {
        Instant now = engine.clock().instant();
        Optional<Customer> customer = engine.customers().findById(tenant, id);
        Optional<Instant> review = Optional.empty();
        if (customer.isPresent()) {
            Compiled current = compiled;
            CompiledSegments segments = current.segments();
            BitSet decided = timedOnly ? current.timed() : current.all();
            CustomerSnapshot snapshot = snapshots.of(customer.get(), now);
            memberships.reconcile(tenant, id, segments.segments(), decided,
                    segments.matchingIndexes(snapshot, now, decided), now);
            review = segments.nextChange(snapshot, now, halfLives);
        }
        store().scheduleReview(tenant, id, review);
    }

    private MembershipStore store() {
        return engine.storage().memberships();
    }
}
