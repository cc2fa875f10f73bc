package org.crmkit.spi.storage;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.VisitorId;

/**
 * What a {@linkplain Storage#atomically unit} locks: a customer, an anonymous visitor, or another named thing of a
 * tenant. Keys are ordered (tenant, kind, name) so that every unit takes its locks in the same order. Immutable and
 * thread-safe.
 *
 * @param tenant the tenant
 * @param kind   what is locked, a lower-case name such as {@code customer} or {@code visitor}, at most 32 characters
 * @param name   which one: a token of at most 128 characters (an id, never personal data)
 */
public record LockKey(TenantId tenant, String kind, String name) implements Comparable<LockKey> {
    public LockKey {
        Checks.notNull(tenant, "tenant");
        Checks.snake(kind, "kind", 32);
        Checks.token(name, "name", 128);
    }

    /** The lock of a customer: held by every write of the customer, its interactions, consents and scores. */
    public static LockKey customer(TenantId tenant, CustomerId customer) {
        return new LockKey(tenant, "customer", Checks.notNull(customer, "customer").value());
    }

    /** The lock of an anonymous visitor: held while the visitor's interactions are recorded or moved. */
    public static LockKey visitor(TenantId tenant, VisitorId visitor) {
        return new LockKey(tenant, "visitor", Checks.notNull(visitor, "visitor").value());
    }

    @Override
    public int compareTo(LockKey other) {
        int c = tenant.compareTo(other.tenant);
        if (c == 0) {
            c = kind.compareTo(other.kind);
        }
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return tenant + "/" + kind + ":" + name;
    }
}
