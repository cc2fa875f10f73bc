package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.MembershipStore;

/**
 * The reference model of a membership store: per tenant and segment, the members and since when, over a small
 * universe of segments and customers (so that random operations collide often).
 */
final class MembershipModel {
    static final List<TenantId> TENANTS = CustomerModel.TENANTS;
    static final List<String> SEGMENTS = List.of("churn_risk", "newsletter", "vip");
    static final int CUSTOMERS = 4;

    private final Map<TenantId, Map<String, TreeMap<CustomerId, Instant>>> members = new HashMap<>();
    private final Map<TenantId, Map<CustomerId, Instant>> reviews = new HashMap<>();

    static TenantId tenant(int index) {
        return TENANTS.get(index);
    }

    static String segment(int index) {
        return SEGMENTS.get(index);
    }

    static CustomerId customer(int index) {
        return CustomerModel.id(index);
    }

    private TreeMap<CustomerId, Instant> of(TenantId tenant, String segment) {
        return members.computeIfAbsent(tenant, t -> new HashMap<>()).computeIfAbsent(segment, s -> new TreeMap<>());
    }

    boolean enter(TenantId tenant, String segment, CustomerId customer, Instant since) {
        return of(tenant, segment).putIfAbsent(customer, since) == null;
    }

    boolean leave(TenantId tenant, String segment, CustomerId customer) {
        return of(tenant, segment).remove(customer) != null;
    }

    boolean scheduleReview(TenantId tenant, CustomerId customer, Optional<Instant> at) {
        Map<CustomerId, Instant> held = reviews.computeIfAbsent(tenant, t -> new HashMap<>());
        Instant before = at.isPresent() ? held.put(customer, at.get()) : held.remove(customer);
        return !Optional.ofNullable(before).equals(at);
    }

    /** The customers due at {@code now}, earliest first, then by id. */
    List<CustomerId> dueForReview(TenantId tenant, Instant now, int limit) {
        return reviews.getOrDefault(tenant, Map.of()).entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                .sorted(Map.Entry.<CustomerId, Instant>comparingByValue()
                        .thenComparing(e -> e.getKey().value()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    int remove(TenantId tenant, CustomerId customer) {
        scheduleReview(tenant, customer, Optional.empty());
        int removed = 0;
        for (String segment : SEGMENTS) {
            if (leave(tenant, segment, customer)) {
                removed++;
            }
        }
        return removed;
    }

    long clear(TenantId tenant, String segment) {
        TreeMap<CustomerId, Instant> held = of(tenant, segment);
        long removed = held.size();
        held.clear();
        return removed;
    }

    MembershipModel copy() {
        MembershipModel copy = new MembershipModel();
        members.forEach((tenant, bySegment) -> bySegment.forEach((segment, held) ->
                held.forEach((customer, since) -> copy.enter(tenant, segment, customer, since))));
        reviews.forEach((tenant, held) -> held.forEach((customer, at) ->
                copy.scheduleReview(tenant, customer, Optional.of(at))));
        return copy;
    }

    /** Asserts that every read of {@code store} over the model's universe answers as the model does. */
    void assertSameAs(MembershipStore store) {
        for (TenantId tenant : TENANTS) {
            for (String segment : SEGMENTS) {
                TreeMap<CustomerId, Instant> held = of(tenant, segment);
                assertThat(Reads.membersAll(store, tenant, segment, 2)).as("members %s %s", tenant, segment)
                        .containsExactlyElementsOf(held.keySet());
                assertThat(store.count(tenant, segment)).as("count %s %s", tenant, segment).isEqualTo(held.size());
                for (int c = 0; c < CUSTOMERS; c++) {
                    assertThat(store.memberSince(tenant, segment, customer(c)))
                            .as("memberSince %s %s %s", tenant, segment, customer(c))
                            .isEqualTo(Optional.ofNullable(held.get(customer(c))));
                }
            }
            for (int c = 0; c < CUSTOMERS; c++) {
                TreeSet<String> segments = new TreeSet<>();
                for (String segment : SEGMENTS) {
                    if (of(tenant, segment).containsKey(customer(c))) {
                        segments.add(segment);
                    }
                }
                assertThat(store.segmentsOf(tenant, customer(c))).as("segmentsOf %s %s", tenant, customer(c))
                        .containsExactlyElementsOf(segments);
                assertThat(store.reviewAt(tenant, customer(c))).as("reviewAt %s %s", tenant, customer(c))
                        .isEqualTo(Optional.ofNullable(reviews.getOrDefault(tenant, Map.of()).get(customer(c))));
            }
            Instant late = Instant.MAX;
            assertThat(store.dueForReview(tenant, late, MembershipStore.MAX_PAGE_SIZE)).as("dueForReview %s", tenant)
                    .containsExactlyElementsOf(dueForReview(tenant, late, MembershipStore.MAX_PAGE_SIZE));
        }
    }
}
