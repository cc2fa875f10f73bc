package org.crmkit.spi.interaction;

import org.crmkit.spi.Checks;

/**
 * What {@link InteractionStore#append} did (and {@link InteractionStore#appendAll} to each of a batch): stored the
 * interaction, or found one with the same idempotency key and stored nothing. Immutable and thread-safe.
 */
public sealed interface AppendResult {
    /** The interaction now stored under the idempotency key. */
    Interaction interaction();

    /** Whether this call stored it. */
    default boolean appended() {
        return this instanceof Appended;
    }

    /** The interaction was new and is now stored. */
    record Appended(Interaction interaction) implements AppendResult {
        public Appended {
            Checks.notNull(interaction, "interaction");
        }
    }

    /** An interaction with the same (source, external id) was already stored; it is returned, nothing changed. */
    record Duplicate(Interaction interaction) implements AppendResult {
        public Duplicate {
            Checks.notNull(interaction, "interaction");
        }
    }
}
