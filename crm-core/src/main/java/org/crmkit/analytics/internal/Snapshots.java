package org.crmkit.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.internal.Engine;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.InteractionHistory;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.Subject;

/** Builds segment snapshots (profile, interaction history, scores) from the engine's stores. Thread-safe. */
public final class Snapshots {
    private final Engine engine;
    private final ScoreBoard scores;
    private final LiveScores live;

    public Snapshots(Engine engine, ScoreBoard scores, LiveScores live) {
        this.engine = engine;
        this.scores = scores;
        this.live = live;
    }

    /** The snapshot of one customer as stored now. */
    public CustomerSnapshot of(Customer customer) {
        List<Interaction> history = new ArrayList<>();
        InteractionQuery query = InteractionQuery.all().withLimit(InteractionQuery.MAX_LIMIT);
        Page<Interaction> page = engine.interactions().find(customer.tenant(), Subject.customer(customer.id()), query);
        history.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = engine.interactions().find(customer.tenant(), Subject.customer(customer.id()),
                    query.after(page.nextCursor().get()));
            history.addAll(page.items());
        }
        Map<String, Double> all = new HashMap<>(scores.of(customer.tenant(), customer.id()));
        all.putAll(live.of(customer.tenant(), customer.id(), engine.clock().instant()));
        return new CustomerSnapshot(customer, InteractionHistory.of(history), all);
    }

    /** The customer as stored now, if it exists. */
    public Optional<Customer> customer(TenantId tenant, CustomerId id) {
        return engine.customers().findById(tenant, id);
    }

    /** {@code snapshot} with its live scores brought up to now. */
    public CustomerSnapshot withLiveScores(CustomerSnapshot snapshot) {
        Customer c = snapshot.customer();
        CustomerSnapshot result = snapshot;
        for (Map.Entry<String, Double> e : live.of(c.tenant(), c.id(), engine.clock().instant()).entrySet()) {
            result = result.withScore(e.getKey(), e.getValue());
        }
        return result;
    }

    /** Snapshots of every customer of the tenant, read with the stores' streaming scans. */
    public List<CustomerSnapshot> all(TenantId tenant) {
        List<CustomerSnapshot> base = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Customer> page = engine.customers().scan(tenant, cursor, CustomerStore.MAX_PAGE_SIZE);
            page.items().forEach(c -> base.add(of(c)));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return base;
    }
}
