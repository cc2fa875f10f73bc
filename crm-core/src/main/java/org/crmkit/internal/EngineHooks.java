package org.crmkit.internal;

import java.time.Instant;
import java.util.Set;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;

/**
 * What an engine part (consent, analytics) does inside the unit of a customer write, so that its own durable state
 * changes in the same atomic unit: each method runs inside the storage unit of the write, holding the customers'
 * locks, after the customer and interaction stores changed. Implementations must be thread-safe; an exception undoes
 * the whole write.
 */
public interface EngineHooks {
    /** An interaction was stored (not for a duplicate). */
    default void interactionRecorded(Interaction interaction) {
    }

    /** {@code merged} was merged into {@code survivor}, and its interactions moved there. */
    default void merged(TenantId tenant, CustomerId survivor, CustomerId merged, Instant at) {
    }

    /**
     * The customers {@code ids} (one person: a customer and those merged into it) are being erased: forget what is
     * kept of them. Called for every erasure, also of ids the customer store holds nothing of (a consent may have
     * been recorded for a prospect never stored).
     *
     * @return whether anything was kept of them
     */
    default boolean erased(TenantId tenant, Set<CustomerId> ids) {
        return false;
    }
}
