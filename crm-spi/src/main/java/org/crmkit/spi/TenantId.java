package org.crmkit.spi;


/**
 * The company a host serves. Every port operation is scoped to one tenant and never reads or changes another
 * tenant's data. A single-company host uses {@link #DEFAULT}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to 64 characters: ASCII letters, digits and {@code . _ : -}, starting with a letter or digit
 */
public record TenantId(String value) implements Comparable<TenantId> {
    /** The tenant of hosts that serve one company only. */
    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        Checks.token(value, "tenant", 64);
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
