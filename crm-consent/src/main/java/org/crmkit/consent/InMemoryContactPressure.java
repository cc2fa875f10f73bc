package org.crmkit.consent;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.consent.internal.SendLog;
import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;

/**
 * A {@link ContactPressure} on the heap: it keeps, per customer and channel, the last
 * {@link PressureCap#MAX_MESSAGES} sends recorded with {@link #recordSent} (so counts stop at that number, the
 * largest cap there is). Counting is a hash lookup and a scan of at most that many entries. Nothing is persisted: a
 * host that restarts feeds it again from its outbound interactions, or uses {@link InteractionContactPressure}.
 *
 * <p>Thread-safe: each customer's log has its own lock.
 */
public final class InMemoryContactPressure implements ContactPressure {
    private final Map<TenantId, Map<CustomerId, SendLog>> logs = new ConcurrentHashMap<>();

    @Override
    public int sentSince(TenantId tenant, CustomerId customer, ConsentChannel channel, Set<Purpose> purposes,
                         Instant since) {
        Map<CustomerId, SendLog> tenantLogs = logs.get(tenant);
        SendLog log = tenantLogs == null ? null : tenantLogs.get(customer);
        return log == null ? 0 : log.countSince(channel, purposes, since);
    }

    @Override
    public Optional<Instant> firstSentSince(TenantId tenant, CustomerId customer, ConsentChannel channel,
                                            Set<Purpose> purposes, Instant since) {
        Map<CustomerId, SendLog> tenantLogs = logs.get(tenant);
        SendLog log = tenantLogs == null ? null : tenantLogs.get(customer);
        return log == null ? Optional.empty() : Optional.ofNullable(log.firstSince(channel, purposes, since));
    }

    /** Records that a message was sent to {@code customer} on {@code channel} for {@code purpose} at {@code at}. */
    @Override
    public void recordSent(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose,
                           Instant at) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        Checks.notNull(channel, "channel");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(at, "at");
        logs.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(customer, c -> new SendLog(PressureCap.MAX_MESSAGES))
                .add(channel, purpose, at);
    }
}
