package org.crmkit.consent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionStore;

/** A map-backed suppression store for engine tests (one tenant at a time is enough there). */
final class MapSuppressionStore implements SuppressionStore {
    private final Map<Hash256, SuppressionEntry> entries = new TreeMap<>();

    @Override
    public synchronized SuppressionEntry suppress(SuppressionEntry entry) {
        return entries.computeIfAbsent(entry.contactHash(), h -> entry);
    }

    @Override
    public synchronized boolean lift(TenantId tenant, Hash256 contactHash) {
        return entries.remove(contactHash) != null;
    }

    @Override
    public synchronized Optional<SuppressionEntry> find(TenantId tenant, Hash256 contactHash) {
        return Optional.ofNullable(entries.get(contactHash));
    }

    @Override
    public synchronized Page<SuppressionEntry> scan(TenantId tenant, Optional<String> after, int limit) {
        return Page.last(List.copyOf(entries.values()));
    }
}
