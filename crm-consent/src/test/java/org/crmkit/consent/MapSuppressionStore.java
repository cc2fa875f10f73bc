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

/** A map-backed suppression store of a {@link TestStorage} (one tenant at a time is enough here). */
final class MapSuppressionStore implements SuppressionStore {
    private final TestStorage storage;
    private final Map<Hash256, SuppressionEntry> entries = new TreeMap<>();
    private long version;

    MapSuppressionStore(TestStorage storage) {
        this.storage = storage;
    }

    @Override
    public SuppressionEntry suppress(SuppressionEntry entry) {
        return storage.locked(() -> {
            SuppressionEntry earlier = entries.putIfAbsent(entry.contactHash(), entry);
            if (earlier != null) {
                return earlier;
            }
            version++;
            return entry;
        });
    }

    @Override
    public boolean lift(TenantId tenant, Hash256 contactHash) {
        return storage.locked(() -> {
            boolean lifted = entries.remove(contactHash) != null;
            version += lifted ? 1 : 0;
            return lifted;
        });
    }

    @Override
    public long version(TenantId tenant) {
        return storage.locked(() -> version);
    }

    @Override
    public Optional<SuppressionEntry> find(TenantId tenant, Hash256 contactHash) {
        return storage.locked(() -> Optional.ofNullable(entries.get(contactHash)));
    }

    @Override
    public Page<SuppressionEntry> scan(TenantId tenant, Optional<String> after, int limit) {
        return storage.locked(() -> Page.last(List.copyOf(entries.values())));
    }

    /** How to put the entries back as they are now; putting them back is itself a change. */
    Runnable snapshot() {
        Map<Hash256, SuppressionEntry> copy = storage.locked(() -> new TreeMap<>(entries));
        return () -> {
            if (!entries.equals(copy)) {
                entries.clear();
                entries.putAll(copy);
                version++;
            }
        };
    }
}
