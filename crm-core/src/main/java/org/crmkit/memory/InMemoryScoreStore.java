package org.crmkit.memory;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.crmkit.memory.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.score.CustomerScores;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.score.ScoreStore;

/**
 * A {@link ScoreStore} on the heap: per tenant a concurrent sorted map from customer to an immutable map of its
 * scores, replaced as a whole on every write. Thread-safe; reads take no lock. Nothing is persisted.
 */
public final class InMemoryScoreStore implements ScoreStore {
    private final Map<TenantId, NavigableMap<CustomerId, SortedMap<String, Score>>> tenants =
            new ConcurrentHashMap<>();
    private final Units units;

    /** A store of its own, outside any storage's units. */
    public InMemoryScoreStore() {
        this(new Units());
    }

    InMemoryScoreStore(Units units) {
        this.units = units;
    }

    private NavigableMap<CustomerId, SortedMap<String, Score>> of(TenantId tenant) {
        return tenants.computeIfAbsent(Checks.notNull(tenant, "tenant"), t -> new ConcurrentSkipListMap<>());
    }

    private Optional<NavigableMap<CustomerId, SortedMap<String, Score>>> existing(TenantId tenant) {
        return Optional.ofNullable(tenants.get(Checks.notNull(tenant, "tenant")));
    }

    @Override
    public void put(TenantId tenant, CustomerId customer, Collection<Score> scores) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        Checks.noNullElements(scores, "scores");
        TreeMap<String, Score> added = new TreeMap<>();
        for (Score s : scores) {
            if (added.put(s.name(), s) != null) {
                throw new ValidationException("scores", "names the score " + s.name() + " twice");
            }
        }
        if (added.isEmpty()) {
            return;
        }
        NavigableMap<CustomerId, SortedMap<String, Score>> map = of(tenant);
        SortedMap<String, Score>[] before = newHolder();
        map.compute(customer, (id, old) -> {
            before[0] = old;
            TreeMap<String, Score> next = old == null ? new TreeMap<>() : new TreeMap<>(old);
            next.putAll(added);
            return Collections.unmodifiableSortedMap(next);
        });
        SortedMap<String, Score> previous = before[0];
        units.undo(() -> restore(map, customer, previous));
    }

    @Override
    public SortedMap<String, Score> find(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        return existing(tenant).map(m -> m.get(customer)).orElse(Collections.emptySortedMap());
    }

    @Override
    public Optional<Score> find(TenantId tenant, CustomerId customer, String name) {
        Checks.notNull(name, "name");
        return Optional.ofNullable(find(tenant, customer).get(name));
    }

    @Override
    public int remove(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        Optional<NavigableMap<CustomerId, SortedMap<String, Score>>> map = existing(tenant);
        if (map.isEmpty()) {
            return 0;
        }
        SortedMap<String, Score> removed = map.get().remove(customer);
        if (removed == null) {
            return 0;
        }
        units.undo(() -> restore(map.get(), customer, removed));
        return removed.size();
    }

    @Override
    public Page<CustomerScores> scan(TenantId tenant, Optional<String> after, int limit) {
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        Optional<NavigableMap<CustomerId, SortedMap<String, Score>>> map = existing(tenant);
        if (map.isEmpty()) {
            return Page.last(List.of());
        }
        NavigableMap<CustomerId, SortedMap<String, Score>> view = after.isPresent()
                ? map.get().tailMap(cursor(after.get()), false) : map.get();
        List<CustomerScores> items = new ArrayList<>(Math.min(limit, 64));
        Iterator<Map.Entry<CustomerId, SortedMap<String, Score>>> it = view.entrySet().iterator();
        while (it.hasNext()) {
            if (items.size() == limit) {
                return new Page<>(items, Optional.of(items.get(limit - 1).customer().value()));
            }
            Map.Entry<CustomerId, SortedMap<String, Score>> e = it.next();
            items.add(new CustomerScores(e.getKey(), e.getValue()));
        }
        return Page.last(items);
    }

    private static CustomerId cursor(String after) {
        try {
            return CustomerId.of(after);
        } catch (ValidationException e) {
            throw new ValidationException("after", "is not a cursor of this store");
        }
    }

    private static void restore(NavigableMap<CustomerId, SortedMap<String, Score>> map, CustomerId customer,
                                SortedMap<String, Score> previous) {
        if (previous == null) {
            map.remove(customer);
        } else {
            map.put(customer, previous);
        }
    }

    @SuppressWarnings("unchecked")
    private static SortedMap<String, Score>[] newHolder() {
        return new SortedMap[1];
    }
}
