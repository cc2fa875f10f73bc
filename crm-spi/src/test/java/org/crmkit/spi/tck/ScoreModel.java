package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.score.CustomerScores;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.score.ScoreStore;

/**
 * The reference model of a score store: per tenant, each customer's scores by name, over a small universe of
 * customers and score names (so that random operations collide often).
 */
final class ScoreModel {
    static final List<TenantId> TENANTS = CustomerModel.TENANTS;
    static final int CUSTOMERS = 4;
    static final List<String> NAMES = List.of("engagement", "rfm.frequency", "rfm.recency");

    private final Map<TenantId, TreeMap<CustomerId, TreeMap<String, Score>>> scores = new HashMap<>();

    static TenantId tenant(int index) {
        return TENANTS.get(index);
    }

    static CustomerId customer(int index) {
        return CustomerModel.id(index);
    }

    /** Score {@code name} of the universe with {@code value}, as of {@code minute} minutes after {@link Fixtures#T0}. */
    static Score score(int name, int value, int minute) {
        return Score.of(NAMES.get(name), value / 4.0, Fixtures.T0.plusSeconds(60L * minute));
    }

    private TreeMap<CustomerId, TreeMap<String, Score>> of(TenantId tenant) {
        return scores.computeIfAbsent(tenant, t -> new TreeMap<>());
    }

    void put(TenantId tenant, CustomerId customer, Collection<Score> put) {
        if (put.isEmpty()) {
            return;
        }
        TreeMap<String, Score> held = of(tenant).computeIfAbsent(customer, c -> new TreeMap<>());
        put.forEach(s -> held.put(s.name(), s));
    }

    int remove(TenantId tenant, CustomerId customer) {
        TreeMap<String, Score> removed = of(tenant).remove(customer);
        return removed == null ? 0 : removed.size();
    }

    ScoreModel copy() {
        ScoreModel copy = new ScoreModel();
        scores.forEach((tenant, byCustomer) -> byCustomer.forEach((customer, held) ->
                copy.put(tenant, customer, held.values())));
        return copy;
    }

    /** Asserts that every read of {@code store} over the model's universe answers as the model does. */
    void assertSameAs(ScoreStore store) {
        for (TenantId tenant : TENANTS) {
            List<CustomerScores> all = new ArrayList<>();
            of(tenant).forEach((customer, held) -> all.add(new CustomerScores(customer, held)));
            assertThat(Reads.scanAll(store, tenant, 2)).as("scan %s", tenant).isEqualTo(all);
            for (int c = 0; c < CUSTOMERS; c++) {
                TreeMap<String, Score> held = of(tenant).getOrDefault(customer(c), new TreeMap<>());
                assertThat(store.find(tenant, customer(c))).as("find %s %s", tenant, customer(c)).isEqualTo(held);
                for (String name : NAMES) {
                    assertThat(store.find(tenant, customer(c), name)).as("find %s %s %s", tenant, customer(c), name)
                            .isEqualTo(Optional.ofNullable(held.get(name)));
                }
            }
        }
    }
}
