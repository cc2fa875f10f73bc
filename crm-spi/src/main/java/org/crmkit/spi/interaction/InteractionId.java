package org.crmkit.spi.interaction;

import org.crmkit.spi.Checks;

/**
 * Identifies an interaction within a tenant. Immutable and thread-safe.
 *
 * @param value 1 to 64 characters: ASCII letters, digits and {@code . _ : -}, starting with a letter or digit
 */
public record InteractionId(String value) implements Comparable<InteractionId> {
    public InteractionId {
        Checks.token(value, "interactionId", 64);
    }

    public static InteractionId of(String value) {
        return new InteractionId(value);
    }

    @Override
    public int compareTo(InteractionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
