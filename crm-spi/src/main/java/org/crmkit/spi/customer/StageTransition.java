package org.crmkit.spi.customer;

import java.time.Instant;

import org.crmkit.spi.Checks;

/**
 * The customer entered {@link #stage()} at {@link #at()}. Immutable and thread-safe.
 */
public record StageTransition(LifecycleStage stage, Instant at) {
    public StageTransition {
        Checks.notNull(stage, "stage");
        Checks.notNull(at, "at");
    }
}
