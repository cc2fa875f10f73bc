package org.crmkit.consent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.customer.CustomerId;

/** A list-backed consent store for engine tests, with the tampering operations an attacker of the storage has. */
final class ListConsentStore implements ConsentStore {
    private final List<LedgerEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(LedgerEntry entry) {
        long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
        if (entry.sequence() != last + 1) {
            throw new ConcurrentModificationException("consent ledger", entry.tenant().value(),
                    entry.sequence() - 1, last);
        }
        entries.add(entry);
    }

    @Override
    public synchronized Optional<LedgerEntry> last(TenantId tenant) {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    @Override
    public synchronized List<LedgerEntry> findByCustomer(TenantId tenant, CustomerId customer) {
        return entries.stream().filter(e -> e.customer().equals(customer)).toList();
    }

    @Override
    public synchronized List<LedgerEntry> read(TenantId tenant, long afterSequence, int limit) {
        int from = 0;
        while (from < entries.size() && entries.get(from).sequence() <= afterSequence) {
            from++;
        }
        return List.copyOf(entries.subList(from, Math.min(entries.size(), from + limit)));
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized List<LedgerEntry> all() {
        return List.copyOf(entries);
    }

    synchronized void replace(int index, UnaryOperator<LedgerEntry> change) {
        entries.set(index, change.apply(entries.get(index)));
    }

    synchronized void remove(int index) {
        entries.remove(index);
    }

    synchronized void swap(int i, int j) {
        Collections.swap(entries, i, j);
    }
}
