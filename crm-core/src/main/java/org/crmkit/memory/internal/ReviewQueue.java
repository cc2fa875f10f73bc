package org.crmkit.memory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.crmkit.spi.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * The scheduled reviews of one tenant's customers: the instant by customer, and the customers in buckets of one
 * minute of their instants, so that the due ones are found by walking a few buckets instead of ordering every
 * customer. Thread-safe: writes are serialised; reads take no lock and skip what a concurrent write moves.
 */
public final class ReviewQueue {
    private static final long BUCKET_MS = 60_000;
    private static final Comparator<Map.Entry<Instant, CustomerId>> ORDER =
            Map.Entry.<Instant, CustomerId>comparingByKey().thenComparing(e -> e.getValue().value());

    private final Map<CustomerId, Instant> byCustomer = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Set<CustomerId>> buckets = new ConcurrentSkipListMap<>();

    /** Sets ({@code at} non-null) or clears the customer's review; returns the earlier instant, or null. */
    public synchronized @Nullable Instant set(CustomerId customer, @Nullable Instant at) {
        Instant before = at == null ? byCustomer.remove(customer) : byCustomer.put(customer, at);
        if (Objects.equals(before, at)) {
            return before;
        }
        if (before != null && (at == null || bucket(before) != bucket(at))) {
            Set<CustomerId> old = buckets.get(bucket(before));
            old.remove(customer);
            if (old.isEmpty()) {
                buckets.remove(bucket(before));
            }
        }
        if (at != null) {
            buckets.computeIfAbsent(bucket(at), b -> ConcurrentHashMap.newKeySet()).add(customer);
        }
        return before;
    }

    /** The customer's review, or null. */
    public @Nullable Instant get(CustomerId customer) {
        return byCustomer.get(customer);
    }

    /** The customers due at {@code now}, earliest instant first, then by id; at most {@code limit}. */
    public List<CustomerId> due(Instant now, int limit) {
        List<Map.Entry<Instant, CustomerId>> found = new ArrayList<>();
        for (Set<CustomerId> bucket : buckets.headMap(bucket(now), true).values()) {
            if (found.size() >= limit) {
                break;
            }
            for (CustomerId c : bucket) {
                Instant at = byCustomer.get(c);
                if (at != null && !at.isAfter(now)) {
                    found.add(Map.entry(at, c));
                }
            }
        }
        found.sort(ORDER);
        Set<CustomerId> due = new LinkedHashSet<>();
        for (int i = 0; i < found.size() && due.size() < limit; i++) {
            due.add(found.get(i).getValue());
        }
        return List.copyOf(due);
    }

    private static long bucket(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), BUCKET_MS / 1_000);
    }
}
