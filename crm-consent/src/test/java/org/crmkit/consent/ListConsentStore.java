package org.crmkit.consent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.LedgerErasure;
import org.crmkit.spi.customer.CustomerId;

/**
 * A list-backed consent store of a {@link TestStorage} (one tenant at a time is enough here), with the tampering
 * operations an attacker of the storage has, a way to let another writer in just before the next append, one to
 * watch reads, and one to stop offering {@link LedgerErasure}.
 */
final class ListConsentStore implements ConsentStore, LedgerErasure {
    private final TestStorage storage;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private Runnable beforeNextAppend;
    private volatile LongConsumer onRead = after -> { };
    private volatile boolean erasable = true;

    ListConsentStore(TestStorage storage) {
        this.storage = storage;
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == LedgerErasure.class && !erasable ? Optional.empty() : ConsentStore.super.capability(type);
    }

    /** Whether the store offers {@link LedgerErasure} as a capability (it does until told otherwise). */
    void offerErasure(boolean offered) {
        erasable = offered;
    }

    @Override
    public void append(LedgerEntry entry) {
        storage.locked(() -> {
            Runnable rival = beforeNextAppend;
            beforeNextAppend = null;
            if (rival != null) {
                rival.run();
            }
            long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
            if (entry.sequence() != last + 1) {
                throw new ConcurrentModificationException("consent ledger", entry.tenant().value(),
                        entry.sequence() - 1, last);
            }
            return entries.add(entry);
        });
    }

    @Override
    public Optional<LedgerEntry> last(TenantId tenant) {
        return storage.locked(() -> entries.isEmpty() ? Optional.empty()
                : Optional.of(entries.get(entries.size() - 1)));
    }

    @Override
    public List<LedgerEntry> findByCustomer(TenantId tenant, CustomerId customer) {
        return storage.locked(() -> entries.stream().filter(e -> e.customer().equals(customer)).toList());
    }

    @Override
    public List<LedgerEntry> read(TenantId tenant, long afterSequence, int limit) {
        onRead.accept(afterSequence);
        return storage.locked(() -> {
            int from = 0;
            while (from < entries.size() && entries.get(from).sequence() <= afterSequence) {
                from++;
            }
            return List.copyOf(entries.subList(from, Math.min(entries.size(), from + limit)));
        });
    }

    @Override
    public long erase(TenantId tenant, Set<CustomerId> customers) {
        return storage.locked(() -> {
            long erased = 0;
            for (int i = 0; i < entries.size(); i++) {
                LedgerEntry e = entries.get(i);
                if (customers.contains(e.customer()) && !e.isErased()) {
                    entries.set(i, e.withoutPersonalData());
                    erased++;
                }
            }
            return erased;
        });
    }

    /** How to put the entries back as they are now. */
    Runnable snapshot() {
        List<LedgerEntry> copy = storage.locked(() -> List.copyOf(entries));
        return () -> {
            entries.clear();
            entries.addAll(copy);
        };
    }

    /** Runs {@code rival} (on the appending thread, inside its unit) when the next append starts. */
    void beforeNextAppend(Runnable rival) {
        storage.locked(() -> beforeNextAppend = rival);
    }

    /** Runs {@code reader} with the sequence each {@link #read} starts after, before that read. */
    void onRead(LongConsumer reader) {
        onRead = reader;
    }

    int size() {
        return storage.locked(entries::size);
    }

    List<LedgerEntry> all() {
        return storage.locked(() -> List.copyOf(entries));
    }

    void replace(int index, UnaryOperator<LedgerEntry> change) {
        storage.locked(() -> entries.set(index, change.apply(entries.get(index))));
    }

    void remove(int index) {
        storage.locked(() -> entries.remove(index));
    }

    void swap(int i, int j) {
        storage.locked(() -> {
            Collections.swap(entries, i, j);
            return null;
        });
    }
}
