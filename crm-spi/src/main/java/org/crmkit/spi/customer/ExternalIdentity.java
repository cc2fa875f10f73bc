package org.crmkit.spi.customer;

import org.crmkit.spi.Checks;

/**
 * The id a customer has in another system: a web-shop account, an ERP customer number, an anonymous web visitor id, a
 * loyalty card. Within a tenant an identity belongs to at most one customer. Immutable and thread-safe.
 *
 * @param system the other system, lower-case (e.g. {@code webshop}, {@code erp}, {@code web_visitor},
 *               {@code loyalty}), at most 32 characters
 * @param value  the id there, matched exactly: one non-blank line of at most 128 characters (no control
 *               characters, no line separators)
 */
public record ExternalIdentity(String system, String value) implements Comparable<ExternalIdentity> {
    public ExternalIdentity {
        Checks.snake(system, "identity.system", 32);
        Checks.line(value, "identity.value", 128);
    }

    public static ExternalIdentity of(String system, String value) {
        return new ExternalIdentity(system, value);
    }

    @Override
    public int compareTo(ExternalIdentity other) {
        int c = system.compareTo(other.system);
        return c != 0 ? c : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return system + ":" + value;
    }
}
