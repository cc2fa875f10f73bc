package org.crmkit.memory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.customer.CustomerId;

/**
 * One tenant's consent ledger: the entries in sequence order (entry {@code n} at index {@code n - 1}) and, per
 * customer, the customer's entries in the same order. Guarded by one read-write lock.
 */
public final class ConsentPartition {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ArrayList<LedgerEntry> entries = new ArrayList<>();
    private final Map<CustomerId, ArrayList<LedgerEntry>> byCustomer = new HashMap<>();

    /** Appends {@code entry} if it is the next in sequence. */
    public void append(LedgerEntry entry) {
        lock.writeLock().lock();
        try {
            long last = entries.size();
            if (entry.sequence() != last + 1) {
                throw new ConcurrentModificationException("consent ledger", entry.tenant().value(),
                        entry.sequence() - 1, last);
            }
            entries.add(entry);
            byCustomer.computeIfAbsent(entry.customer(), c -> new ArrayList<>(4)).add(entry);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<LedgerEntry> last() {
        lock.readLock().lock();
        try {
            return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<LedgerEntry> findByCustomer(CustomerId customer) {
        lock.readLock().lock();
        try {
            List<LedgerEntry> found = byCustomer.get(customer);
            return found == null ? List.of() : List.copyOf(found);
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<LedgerEntry> read(long afterSequence, int limit) {
        lock.readLock().lock();
        try {
            int from = (int) Math.min(afterSequence, entries.size());
            int to = (int) Math.min((long) from + limit, entries.size());
            return List.copyOf(entries.subList(from, to));
        } finally {
            lock.readLock().unlock();
        }
    }
}
