package org.crmkit.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.crmkit.memory.internal.ReviewQueue;
import org.crmkit.memory.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.MembershipStore;

/**
 * A {@link MembershipStore} on the heap: per tenant and segment a concurrent sorted map of members to the instant
 * they entered, per customer the set of its segments, and the scheduled reviews by customer and in buckets of a
 * minute (so that the due ones are read without a scan). Thread-safe: writes of one tenant are serialised, reads
 * take no lock. Nothing is persisted.
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
        final Map<String, NavigableMap<CustomerId, Instant>> bySegment = new ConcurrentHashMap<>();
        final Map<CustomerId, Set<String>> byCustomer = new ConcurrentHashMap<>();
        final ReviewQueue reviews = new ReviewQueue();

        synchronized boolean enter(String segment, CustomerId customer, Instant since) {
            NavigableMap<CustomerId, Instant> members = bySegment.computeIfAbsent(segment,
                    s -> new ConcurrentSkipListMap<>());
            if (members.putIfAbsent(customer, since) != null) {
                return false;
            }
            byCustomer.computeIfAbsent(customer, c -> ConcurrentHashMap.newKeySet()).add(segment);
            return true;
        }

        synchronized Optional<Instant> leave(String segment, CustomerId customer) {
            NavigableMap<CustomerId, Instant> members = bySegment.get(segment);
            Instant since = members == null ? null : members.remove(customer);
            if (since == null) {
                return Optional.empty();
            }
            Set<String> segments = byCustomer.get(customer);
            if (segments != null) {
                segments.remove(segment);
                if (segments.isEmpty()) {
                    byCustomer.remove(customer);
                }
            }
            return Optional.of(since);
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
        return existing(tenant).map(t -> t.bySegment.get(segment)).map(m -> m.get(customer));
    }

    @Override
    public SortedSet<String> segmentsOf(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        Set<String> segments = existing(tenant).map(t -> t.byCustomer.get(customer)).orElse(null);
        return segments == null ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(segments));
    }

    @Override
    public Page<CustomerId> members(TenantId tenant, String segment, Optional<String> after, int limit) {
        checkSegment(segment);
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        NavigableMap<CustomerId, Instant> members = existing(tenant).map(t -> t.bySegment.get(segment))
                .orElse(null);
        if (members == null) {
            return Page.last(List.of());
        }
        NavigableMap<CustomerId, Instant> view = after.isPresent()
                ? members.tailMap(cursor(after.get()), false) : members;
        List<CustomerId> items = new ArrayList<>(Math.min(limit, 64));
        for (CustomerId id : view.keySet()) {
            if (items.size() == limit) {
                return new Page<>(items, Optional.of(items.get(limit - 1).value()));
            }
            items.add(id);
        }
        return Page.last(items);
    }

    @Override
    public long count(TenantId tenant, String segment) {
        checkSegment(segment);
        return existing(tenant).map(t -> t.bySegment.get(segment)).map(m -> (long) m.size()).orElse(0L);
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
