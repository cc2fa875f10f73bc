package org.crmkit.memory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.customer.CustomerId;

/**
 * One tenant's consent ledger: the entries in sequence order (entry {@code n} at index {@code n - 1}) and, per
 * customer, the customer's entries in the same order ({@link CustomerEntries}, whose snapshots
 * {@link #findByCustomer} hands out without copying). Guarded by one read-write lock.
 *
 * <p><b>Uncommitted entries.</b> An append takes the tail lock, and a unit keeps it until it ends
 * ({@link #publish} or {@link #release}): meanwhile other appends wait, and the unit's entries (the last ones) are
 * seen by the holding thread only; other threads read the first {@code committed} entries. So an undone unit removes
 * its entries from the end ({@link #removeLast}) without leaving a gap, and no other thread ever read them.
 */
public final class ConsentPartition {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReentrantLock tail = new ReentrantLock();
    private final ArrayList<LedgerEntry> entries = new ArrayList<>();
    private final Map<CustomerId, CustomerEntries> byCustomer = new HashMap<>();
    private int committed;

    /**
     * Appends {@code entry} if it is the next in sequence, taking the tail lock (waiting while another unit holds
     * it); the entry is seen by other threads after {@link #publish}. On a conflict the lock is given back and
     * nothing is appended.
     */
    public void append(LedgerEntry entry) {
        tail.lock();
        lock.writeLock().lock();
        try {
            long last = entries.size();
            if (entry.sequence() != last + 1) {
                tail.unlock();
                throw new ConcurrentModificationException("consent ledger", entry.tenant().value(),
                        entry.sequence() - 1, last);
            }
            entries.add(entry);
            byCustomer.computeIfAbsent(entry.customer(), c -> new CustomerEntries()).add(entry);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Makes every entry seen by all threads, and gives back one hold of the tail lock. */
    public void publish() {
        lock.writeLock().lock();
        try {
            committed = entries.size();
        } finally {
            lock.writeLock().unlock();
        }
        tail.unlock();
    }

    /** Gives back one hold of the tail lock, after the unit's entries were removed. */
    public void release() {
        tail.unlock();
    }

    /** Removes the last entry, which must be of this sequence: the undo of an append whose unit failed. */
    public void removeLast(long sequence) {
        lock.writeLock().lock();
        try {
            int last = entries.size() - 1;
            if (last < 0 || entries.get(last).sequence() != sequence) {
                throw new IllegalStateException("the entry to remove is not the last of the ledger");
            }
            LedgerEntry removed = entries.remove(last);
            CustomerEntries own = byCustomer.get(removed.customer());
            own.detach();
            own.removeLast();
            if (own.size() == 0) {
                byCustomer.remove(removed.customer());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Replaces the entries of {@code customers} by their erased form.
     *
     * @return the entries replaced, as they were, to {@link #restore} them
     */
    public List<LedgerEntry> erase(Set<CustomerId> customers) {
        List<LedgerEntry> replaced = new ArrayList<>();
        lock.writeLock().lock();
        try {
            for (CustomerId customer : customers) {
                CustomerEntries own = byCustomer.get(customer);
                if (own == null) {
                    continue;
                }
                own.detach();
                for (int i = 0; i < own.size(); i++) {
                    LedgerEntry e = own.get(i);
                    if (!e.isErased()) {
                        replaced.add(e);
                        put(own, i, e.withoutPersonalData());
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        return replaced;
    }

    /** Puts entries back as they were before an erasure: the undo of an erasure whose unit failed. */
    public void restore(List<LedgerEntry> originals) {
        lock.writeLock().lock();
        try {
            Set<CustomerId> detached = new HashSet<>();
            for (LedgerEntry e : originals) {
                CustomerEntries own = byCustomer.get(e.customer());
                if (detached.add(e.customer())) {
                    own.detach();
                }
                for (int i = 0; i < own.size(); i++) {
                    if (own.get(i).sequence() == e.sequence()) {
                        put(own, i, e);
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces entry {@code i} of {@code own}, its customer's entries (detached), and in the ledger. */
    private void put(CustomerEntries own, int i, LedgerEntry entry) {
        own.set(i, entry);
        entries.set((int) entry.sequence() - 1, entry);
    }

    /** How many entries the calling thread sees: all of them while it holds the tail, else the committed ones. */
    private int visible() {
        return tail.isHeldByCurrentThread() ? entries.size() : committed;
    }

    public Optional<LedgerEntry> last() {
        lock.readLock().lock();
        try {
            int n = visible();
            return n == 0 ? Optional.empty() : Optional.of(entries.get(n - 1));
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<LedgerEntry> findByCustomer(CustomerId customer) {
        lock.readLock().lock();
        try {
            CustomerEntries found = byCustomer.get(customer);
            if (found == null) {
                return List.of();
            }
            int n = visible();
            int end = found.size();
            while (end > 0 && found.get(end - 1).sequence() > n) {
                end--;
            }
            return found.snapshot(end);
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<LedgerEntry> read(long afterSequence, int limit) {
        lock.readLock().lock();
        try {
            int n = visible();
            int from = (int) Math.min(afterSequence, n);
            int to = (int) Math.min((long) from + limit, n);
            return List.copyOf(entries.subList(from, to));
        } finally {
            lock.readLock().unlock();
        }
    }
}
