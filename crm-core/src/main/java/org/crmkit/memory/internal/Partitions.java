package org.crmkit.memory.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;

/**
 * One partition per tenant, created on the first write. Thread-safe.
 *
 * @param <P> the partition type
 */
public final class Partitions<P> {
    private final Map<TenantId, P> byTenant = new ConcurrentHashMap<>();
    private final Supplier<P> factory;

    public Partitions(Supplier<P> factory) {
        this.factory = factory;
    }

    /** The tenant's partition, created if it has none yet (for writes). */
    public P of(TenantId tenant) {
        return byTenant.computeIfAbsent(Checks.notNull(tenant, "tenant"), t -> factory.get());
    }

    /** The tenant's partition if it has one (for reads, which must not create partitions). */
    public Optional<P> existing(TenantId tenant) {
        return Optional.ofNullable(byTenant.get(Checks.notNull(tenant, "tenant")));
    }
}
