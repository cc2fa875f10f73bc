package org.crmkit.spi.interaction;

import org.crmkit.spi.TenantId;

/**
 * Optional capability of an {@link InteractionStore}: erase a subject's interactions for good (the right to erasure).
 * Thread-safe like the store.
 */
public interface InteractionErasure {
    /**
     * Removes every interaction of {@code subject}. Their idempotency keys are forgotten too. Idempotent.
     *
     * @return how many interactions were removed
     */
    int erase(TenantId tenant, Subject subject);
}
