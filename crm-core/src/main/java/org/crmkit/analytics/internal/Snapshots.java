package org.crmkit.analytics.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.internal.Engine;
import org.crmkit.internal.Pages;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.InteractionHistory;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.Subject;

/**
 * Builds segment snapshots (profile, interaction history, scores) from the storage, each read afresh: nothing is
 * cached. Thread-safe.
 */
public final class Snapshots {
    private final Engine engine;
    private final StoredScores scores;

    public Snapshots(Engine engine, StoredScores scores) {
        this.engine = engine;
        this.scores = scores;
    }

    /** The snapshot of {@code customer} with its interactions and its scores as stored, read at {@code now}. */
    public CustomerSnapshot of(Customer customer, Instant now) {
        List<Interaction> history = new ArrayList<>();
        engine.interactionsOf(customer.tenant(), Subject.customer(customer.id())).forEach(history::add);
        return new CustomerSnapshot(customer, InteractionHistory.of(history),
                scores.valuesAt(customer.tenant(), customer.id(), now));
    }

    /** Snapshots of every customer of the tenant, read with the stores' streaming scans, at {@code now}. */
    public List<CustomerSnapshot> all(TenantId tenant, Instant now) {
        List<CustomerSnapshot> base = new ArrayList<>();
        for (Customer c : Pages.all(cursor -> engine.customers().scan(tenant, cursor, CustomerStore.MAX_PAGE_SIZE))) {
            base.add(of(c, now));
        }
        return base;
    }
}
