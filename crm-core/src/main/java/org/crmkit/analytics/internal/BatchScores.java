package org.crmkit.analytics.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.crmkit.internal.Engine;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.score.Score;

/**
 * Stores what a batch scoring computed: each customer's scores that changed, with their event, a chunk of customers
 * per storage unit holding their locks. Thread-safe.
 */
public final class BatchScores {
    private final Engine engine;
    private final StoredScores scores;

    public BatchScores(Engine engine, StoredScores scores) {
        this.engine = engine;
        this.scores = scores;
    }

    /**
     * Stores {@code computed} at {@code at}. A customer that no longer exists when its chunk is written (merged away
     * or erased meanwhile) is skipped. {@code changed} runs, in the same unit, for each customer whose scores changed.
     */
    public void write(TenantId tenant, Map<CustomerId, List<Score>> computed, Instant at,
                      Consumer<CustomerId> changed) {
        CustomerChunks.forEach(engine, tenant, computed.keySet(), id -> {
            if (engine.customers().findById(tenant, id).isPresent()
                    && scores.write(tenant, id, computed.get(id), at)) {
                changed.accept(id);
            }
        });
    }
}
