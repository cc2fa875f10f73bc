package org.crmkit.memory;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.memory.internal.ReviewQueue;
import org.crmkit.memory.internal.SegmentNames;
import org.crmkit.memory.internal.SegmentMembers;
import org.crmkit.memory.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.MembershipStore;

/**
 * A {@link MembershipStore} on the heap: per tenant and segment the members with the instant they entered (a hash
 * map, and an ascending index for paging from which exits are swept in batches), per customer the set of its
 * segments, and the scheduled reviews by customer and in buckets of a minute (so that the due ones are read without
 * a scan). Thread-safe: memberships of one customer change
 * atomically (its entry in the per-customer map is the lock), customers in parallel; reviews of one tenant are
 * written one at a time; reads take no lock. Nothing is persisted.
 */
public final class InMemoryMembershipStore implements MembershipStore {
    private final Map<TenantId, Tenant> tenants = new ConcurrentHashMap<>();
    private final Units units;

    /** A store of its own, outside any storage's units. */
    public InMemoryMembershipStore() {
        this(new Units());
    }

    InMemoryMembershipStore(Units units) {
        this.units = units;
    }

    /** One tenant's memberships, both ways. */
    private static final class Tenant {
        final Map<String, SegmentMembers> bySegment = new ConcurrentHashMap<>();
        /**
         * Per customer its segments: an immutable sorted set in one array, replaced on every change, so reads copy
         * nothing.
         */
        final Map<CustomerId, SegmentNames> byCustomer = new ConcurrentHashMap<>();
        final ReviewQueue reviews = new ReviewQueue();

        /** Enters the customer, atomically for that customer (its entry of {@code byCustomer} is the lock). */
        boolean enter(String segment, CustomerId customer, Instant since) {
            boolean[] entered = {false};
            byCustomer.compute(customer, (c, segments) -> {
                if (!bySegment.computeIfAbsent(segment, s -> new SegmentMembers()).enter(customer, since)) {
                    return segments;
                }
                entered[0] = true;
                return (segments != null ? segments : SegmentNames.none()).with(segment);
            });
            return entered[0];
        }

        /** Takes the customer out, atomically for that customer; the instant it had entered, if it was a member. */
        Optional<Instant> leave(String segment, CustomerId customer) {
            Instant[] since = {null};
            SegmentMembers members = bySegment.get(segment);
            if (members == null) {
                return Optional.empty();
            }
            byCustomer.computeIfPresent(customer, (c, segments) -> {
                since[0] = members.leave(customer);
                if (since[0] == null) {
                    return segments;
                }
                SegmentNames held = segments.without(segment);
                return held.isEmpty() ? null : held;
            });
            members.compact();
            return Optional.ofNullable(since[0]);
        }
    }

    private Tenant of(TenantId tenant) {
        return tenants.computeIfAbsent(Checks.notNull(tenant, "tenant"), t -> new Tenant());
    }

    private Optional<Tenant> existing(TenantId tenant) {
        return Optional.ofNullable(tenants.get(Checks.notNull(tenant, "tenant")));
    }

    @Override
    public boolean enter(TenantId tenant, String segment, CustomerId customer, Instant since) {
        checkSegment(segment);
        Checks.notNull(customer, "customer");
        Checks.notNull(since, "since");
        Tenant t = of(tenant);
        boolean entered = t.enter(segment, customer, since);
        if (entered) {
            units.undo(() -> t.leave(segment, customer));
        }
        return entered;
    }

    @Override
    public boolean leave(TenantId tenant, String segment, CustomerId customer) {
        checkSegment(segment);
        Checks.notNull(customer, "customer");
        Optional<Instant> since = existing(tenant).flatMap(t -> t.leave(segment, customer));
        since.ifPresent(s -> units.undo(() -> of(tenant).enter(segment, customer, s)));
        return since.isPresent();
    }

    @Override
    public Optional<Instant> memberSince(TenantId tenant, String segment, CustomerId customer) {
        checkSegment(segment);
        Checks.notNull(customer, "customer");
        return existing(tenant).map(t -> t.bySegment.get(segment)).map(m -> m.since(customer));
    }

    @Override
    public SortedSet<String> segmentsOf(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        SortedSet<String> segments = existing(tenant).map(t -> t.byCustomer.get(customer)).orElse(null);
        return segments == null ? Collections.emptySortedSet() : segments;
    }

    @Override
    public Page<CustomerId> members(TenantId tenant, String segment, Optional<String> after, int limit) {
        checkSegment(segment);
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        SegmentMembers members = existing(tenant).map(t -> t.bySegment.get(segment)).orElse(null);
        if (members == null) {
            return Page.last(List.of());
        }
        List<CustomerId> items = members.page(after.isPresent() ? cursor(after.get()) : null, limit + 1);
        if (items.size() > limit) {
            List<CustomerId> page = List.copyOf(items.subList(0, limit));
            return new Page<>(page, Optional.of(page.get(limit - 1).value()));
        }
        return Page.last(items);
    }

    @Override
    public long count(TenantId tenant, String segment) {
        checkSegment(segment);
        return existing(tenant).map(t -> t.bySegment.get(segment)).map(SegmentMembers::count).orElse(0L);
    }

    @Override
    public boolean scheduleReview(TenantId tenant, CustomerId customer, Optional<Instant> at) {
        Checks.notNull(customer, "customer");
        Checks.notNull(at, "at");
        Tenant t = of(tenant);
        Instant next = at.orElse(null);
        Instant before = t.reviews.set(customer, next);
        if (Objects.equals(before, next)) {
            return false;
        }
        units.undo(() -> t.reviews.set(customer, before));
        return true;
    }

    @Override
    public Optional<Instant> reviewAt(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        return existing(tenant).map(t -> t.reviews.get(customer));
    }

    @Override
    public List<CustomerId> dueForReview(TenantId tenant, Instant now, int limit) {
        Checks.notNull(now, "now");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        return existing(tenant).map(t -> t.reviews.due(now, limit)).orElse(List.of());
    }

    @Override
    public int remove(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        scheduleReview(tenant, customer, Optional.empty());
        int removed = 0;
        for (String segment : segmentsOf(tenant, customer)) {
            if (leave(tenant, segment, customer)) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public long clear(TenantId tenant, String segment) {
        checkSegment(segment);
        long removed = 0;
        Optional<String> cursor = Optional.empty();
        do {
            Page<CustomerId> page = members(tenant, segment, cursor, MAX_PAGE_SIZE);
            for (CustomerId id : page.items()) {
                if (leave(tenant, segment, id)) {
                    removed++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return removed;
    }

    private static void checkSegment(String segment) {
        Checks.snake(segment, "segment", 64);
    }

    private static CustomerId cursor(String after) {
        try {
            return CustomerId.of(after);
        } catch (ValidationException e) {
            throw new ValidationException("after", "is not a cursor of this store");
        }
    }
}
