package org.crmkit.spi.customer;

import org.crmkit.spi.Checks;

/**
 * Identifies a customer within a tenant. Immutable and thread-safe.
 *
 * @param value 1 to 64 characters: ASCII letters, digits and {@code . _ : -}, starting with a letter or digit
 */
public record CustomerId(String value) implements Comparable<CustomerId> {
    public CustomerId {
        Checks.token(value, "customerId", 64);
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
