package org.crmkit.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.internal.Engine;
import org.crmkit.internal.Pages;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.InteractionHistory;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.interaction.Interaction;
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
        engine.interactionsOf(customer.tenant(), Subject.customer(customer.id())).forEach(history::add);
        return new CustomerSnapshot(customer, InteractionHistory.of(history), scoresOf(customer));
    }

    /** The customer as stored now, if it exists. */
    public Optional<Customer> customer(TenantId tenant, CustomerId id) {
        return engine.customers().findById(tenant, id);
    }

    /** {@code snapshot} with the customer's current scores: the computed ones and the live ones as of now. */
    public CustomerSnapshot rescored(CustomerSnapshot snapshot) {
        return new CustomerSnapshot(snapshot.customer(), snapshot.interactions(), scoresOf(snapshot.customer()));
    }

    private Map<String, Double> scoresOf(Customer customer) {
        Map<String, Double> all = new HashMap<>(scores.of(customer.tenant(), customer.id()));
        all.putAll(live.of(customer.tenant(), customer.id(), engine.clock().instant()));
        return all;
    }

    /** Snapshots of every customer of the tenant, read with the stores' streaming scans. */
    public List<CustomerSnapshot> all(TenantId tenant) {
        List<CustomerSnapshot> base = new ArrayList<>();
        Iterable<Customer> customers = Pages.all(cursor ->
                engine.customers().scan(tenant, cursor, CustomerStore.MAX_PAGE_SIZE));
        for (Customer c : customers) {
            base.add(of(c));
        }
        return base;
    }
}
