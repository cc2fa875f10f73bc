package org.crmkit.analytics.internal;

import java.time.Instant;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import org.crmkit.internal.Engine;
import org.crmkit.internal.Pages;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.segment.MembershipStore;

/**
 * Tracked segment memberships as the storage's {@link MembershipStore} keeps them: every entry and exit is written
 * with its {@link DomainEvent.SegmentMembershipChanged}, in the caller's unit, which holds the customer's lock.
 * Keeps nothing in memory. Thread-safe.
 */
public final class StoredMemberships {
    private final Engine engine;

    public StoredMemberships(Engine engine) {
        this.engine = engine;
    }

    /**
     * Makes the customer a member of exactly those of the {@code decided} segments it {@code meets} (bit {@code k}
     * for the {@code k}-th of {@code known}), entering and leaving only where the store differs, each with its
     * event at {@code at}. Segments not decided, or that {@code known} does not name, are left as they are.
     */
    public void reconcile(TenantId tenant, CustomerId customer, List<String> known, BitSet decided, BitSet meets,
                          Instant at) {
        Set<String> stored = store().segmentsOf(tenant, customer);
        for (int k = decided.nextSetBit(0); k >= 0 && k < known.size(); k = decided.nextSetBit(k + 1)) {
            String segment = known.get(k);
            boolean member = meets.get(k);
            if (member != stored.contains(segment)) {
                change(tenant, segment, customer, member, at);
            }
        }
    }

    /** Takes the customer out of every segment, each exit with its event at {@code at}. */
    public int leaveAll(TenantId tenant, CustomerId customer, Instant at) {
        SortedSet<String> segments = store().segmentsOf(tenant, customer);
        for (String segment : segments) {
            change(tenant, segment, customer, false, at);
        }
        return segments.size();
    }

    /** The stored members of the segment. */
    public Set<CustomerId> members(TenantId tenant, String segment) {
        Set<CustomerId> members = new HashSet<>();
        Pages.all(cursor -> store().members(tenant, segment, cursor, MembershipStore.MAX_PAGE_SIZE))
                .forEach(members::add);
        return Set.copyOf(members);
    }

    private void change(TenantId tenant, String segment, CustomerId customer, boolean enter, Instant at) {
        boolean changed = enter ? store().enter(tenant, segment, customer, at)
                : store().leave(tenant, segment, customer);
        if (changed) {
            engine.events().write(at, (id, when) -> new DomainEvent.SegmentMembershipChanged(id, tenant, when,
                    segment, customer, enter));
        }
    }

    private MembershipStore store() {
        return engine.storage().memberships();
    }
}
