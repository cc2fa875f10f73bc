package org.crmkit.memory.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.Page;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.DeviceToken;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's customers and their indexes. Writes are serialised by a lock and check everything before they change
 * anything, so a write that throws leaves the partition as it was; inside a unit of its {@link Units}, each write
 * registers how to undo it exactly. Reads take no lock: every map is concurrent and holds immutable customers
 * themselves (the indexes too, so a lookup by identity or contact point is one hash lookup), and each write replaces
 * a key's entry in one atomic step. A read concurrent with a write sees the customer before or after it. Writes
 * update the maps in an order that never hides a customer from a reader by id: a merge records the merge, stores the
 * survivor and only then removes the merged customer.
 */
public final class CustomerPartition {
    private final Guarded guard = new Guarded();
    private final Units units;
    private final Map<CustomerId, Customer> byId = new ConcurrentHashMap<>();
    private final NavigableSet<CustomerId> order = new ConcurrentSkipListSet<>();
    private final Map<ExternalIdentity, Customer> byIdentity = new ConcurrentHashMap<>();
    /**
     * Contact key to the customer (or the customers, sorted by id) using it. E-mail addresses, phone numbers and device
     * tokens are normalised so that equality is key equality: they serve as their own keys, which saves a key string
     * per contact point; other values are keyed by {@link ContactValue#key()}.
     */
    private final Map<Object, Object> byContact = new ConcurrentHashMap<>();
    private final Map<CustomerId, MergeRecord> merges = new ConcurrentHashMap<>();
    /** Survivor to the customers whose merge records name it; written and read under the write lock only. */
    private final Map<CustomerId, Set<CustomerId>> mergedInto = new HashMap<>();

    public CustomerPartition(Units units) {
        this.units = units;
    }

    public Customer create(Customer customer) {
        Customer stored = guard.write(() -> {
            Customer held = byId.get(customer.id());
            if (held != null) {
                throw new DuplicateKeyException("customer id " + customer.id(), held.id().value());
            }
            checkIdentitiesFree(customer, customer.id(), customer.id());
            Customer created = customer.toBuilder().version(1).build();
            put(created.id(), created);
            return created;
        });
        units.undo(() -> guard.writing(() -> put(stored.id(), null)));
        return stored;
    }

    public Customer update(Customer customer) {
        Customer[] before = new Customer[1];
        Customer stored = guard.write(() -> {
            Customer current = current(customer.id(), customer.version());
            checkIdentitiesFree(customer, customer.id(), customer.id());
            before[0] = current;
            Customer updated = customer.toBuilder().version(current.version() + 1).build();
            put(updated.id(), updated);
            return updated;
        });
        Customer previous = before[0];
        units.undo(() -> guard.writing(() -> put(previous.id(), previous)));
        return stored;
    }

    public Customer merge(Customer survivor, long mergedVersion, MergeRecord record) {
        Customer[] before = new Customer[2];
        MergeRecord[] replaced = new MergeRecord[1];
        Customer stored = guard.write(() -> {
            Customer currentSurvivor = current(survivor.id(), survivor.version());
            Customer currentMerged = current(record.merged(), mergedVersion);
            checkIdentitiesFree(survivor, survivor.id(), record.merged());
            before[0] = currentSurvivor;
            before[1] = currentMerged;
            Customer merged = survivor.toBuilder().version(currentSurvivor.version() + 1).build();
            replaced[0] = record(record.merged(), record);
            put(merged.id(), merged);
            put(currentMerged.id(), null);
            return merged;
        });
        Customer previousSurvivor = before[0];
        Customer previousMerged = before[1];
        MergeRecord previousRecord = replaced[0];
        units.undo(() -> guard.writing(() -> {
            put(previousMerged.id(), previousMerged);
            put(previousSurvivor.id(), previousSurvivor);
            record(previousMerged.id(), previousRecord);
        }));
        return stored;
    }

    /**
     * Removes the customer, the record of its own merge into another, and the records of every customer merged into
     * it, directly or through a chain of merges.
     */
    public CustomerErasure.Erased erase(CustomerId id) {
        Customer[] before = new Customer[1];
        Map<CustomerId, MergeRecord> removedRecords = new HashMap<>();
        CustomerErasure.Erased erased = guard.write(() -> {
            Customer current = byId.get(id);
            before[0] = current;
            if (current != null) {
                put(id, null);
            }
            MergeRecord own = record(id, null);
            if (own != null) {
                removedRecords.put(id, own);
            }
            SortedSet<CustomerId> below = new TreeSet<>();
            Deque<CustomerId> survivors = new ArrayDeque<>();
            survivors.push(id);
            while (!survivors.isEmpty()) {
                for (CustomerId merged : List.copyOf(mergedInto.getOrDefault(survivors.pop(), Set.of()))) {
                    if (below.add(merged)) {
                        removedRecords.put(merged, record(merged, null));
                        survivors.push(merged);
                    }
                }
            }
            return new CustomerErasure.Erased(current != null || own != null, below);
        });
        Customer previous = before[0];
        if (erased.any()) {
            units.undo(() -> guard.writing(() -> {
                if (previous != null) {
                    put(previous.id(), previous);
                }
                removedRecords.forEach(this::record);
            }));
        }
        return erased;
    }

    public Optional<Customer> findById(CustomerId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Customer> findByIdentity(ExternalIdentity identity) {
        return Optional.ofNullable(byIdentity.get(identity));
    }

    public List<Customer> findByContact(ContactValue value) {
        Object held = byContact.get(indexKey(value));
        if (held == null) {
            return List.of();
        }
        return held instanceof Customer one ? List.of(one) : List.of((Customer[]) held);
    }

    public Optional<MergeRecord> findMergeRecord(CustomerId merged) {
        return Optional.ofNullable(merges.get(merged));
    }

    public Page<Customer> scan(Optional<CustomerId> after, int limit) {
        Iterator<CustomerId> ids = after.map(a -> order.tailSet(a, false)).orElse(order).iterator();
        List<Customer> page = new ArrayList<>(Math.min(limit, 1024));
        while (page.size() < limit && ids.hasNext()) {
            Customer c = byId.get(ids.next());
            if (c != null) {
                page.add(c);
            }
        }
        Optional<String> next = ids.hasNext() && !page.isEmpty()
                ? Optional.of(page.get(page.size() - 1).id().value()) : Optional.empty();
        return new Page<>(page, next);
    }

    public long count() {
        return byId.size();
    }

    /** Makes {@code id} hold {@code customer}, or nothing; the indexes follow from what it held before. */
    private void put(CustomerId id, @Nullable Customer customer) {
        Customer old;
        if (customer == null) {
            old = byId.remove(id);
            order.remove(id);
        } else {
            old = byId.put(id, customer);
            order.add(id);
        }
        reindex(old, customer);
    }

    /**
     * Makes {@code record} (or nothing) the merge record of {@code merged}, keeping {@link #mergedInto} in step;
     * the record it replaces, or null.
     */
    private @Nullable MergeRecord record(CustomerId merged, @Nullable MergeRecord record) {
        MergeRecord old = record == null ? merges.remove(merged) : merges.put(merged, record);
        if (old != null) {
            Set<CustomerId> siblings = mergedInto.get(old.survivor());
            siblings.remove(merged);
            if (siblings.isEmpty()) {
                mergedInto.remove(old.survivor());
            }
        }
        if (record != null) {
            mergedInto.computeIfAbsent(record.survivor(), s -> new HashSet<>()).add(merged);
        }
        return old;
    }

    private Customer current(CustomerId id, long expectedVersion) {
        Customer current = byId.get(id);
        if (current == null) {
            throw new NotFoundException("customer", id.value());
        }
        if (current.version() != expectedVersion) {
            throw new ConcurrentModificationException("customer", id.value(), expectedVersion, current.version());
        }
        return current;
    }

    /** Fails if an identity of {@code customer} is held by a customer other than {@code self} and {@code other}. */
    private void checkIdentitiesFree(Customer customer, CustomerId self, CustomerId other) {
        for (ExternalIdentity identity : customer.identities()) {
            Customer holder = byIdentity.get(identity);
            if (holder != null && !holder.id().equals(self) && !holder.id().equals(other)) {
                throw new DuplicateKeyException("identity " + identity, holder.id().value());
            }
        }
    }

    /** Moves the index entries of a customer from its old state to its new one (either may be absent). */
    private void reindex(@Nullable Customer old, @Nullable Customer now) {
        if (now != null) {
            for (ExternalIdentity identity : now.identities()) {
                byIdentity.put(identity, now);
            }
            for (Object key : contactKeys(now)) {
                byContact.merge(key, now, CustomerPartition::upsert);
            }
        }
        if (old != null) {
            for (ExternalIdentity identity : old.identities()) {
                if (now == null || !now.identities().contains(identity)) {
                    byIdentity.remove(identity, old);
                }
            }
            Set<Object> kept = now == null ? Set.of() : contactKeys(now);
            for (Object key : contactKeys(old)) {
                if (!kept.contains(key)) {
                    byContact.computeIfPresent(key, (k, held) -> without(held, old.id()));
                }
            }
        }
    }

    private static Set<Object> contactKeys(Customer c) {
        Set<Object> keys = new LinkedHashSet<>();
        for (ContactPoint point : c.contactPoints()) {
            keys.add(indexKey(point.value()));
        }
        return keys;
    }

    private static Object indexKey(ContactValue value) {
        return value instanceof EmailAddress || value instanceof PhoneNumber || value instanceof DeviceToken
                ? value : value.key();
    }

    /** Puts {@code customer} into what a contact key holds (one customer, or several sorted by id), replacing its
     * earlier state. */
    private static Object upsert(Object held, Object customer) {
        Customer now = (Customer) customer;
        Customer[] all = held instanceof Customer one ? new Customer[] {one} : (Customer[]) held;
        int at = indexOf(all, now.id());
        if (at >= 0) {
            if (all.length == 1) {
                return now;
            }
            Customer[] replaced = all.clone();
            replaced[at] = now;
            return replaced;
        }
        int insert = -at - 1;
        Customer[] grown = new Customer[all.length + 1];
        System.arraycopy(all, 0, grown, 0, insert);
        grown[insert] = now;
        System.arraycopy(all, insert, grown, insert + 1, all.length - insert);
        return grown;
    }

    /** Removes the customer {@code id} from what a contact key holds; null when nothing is left, dropping the key. */
    private static @Nullable Object without(Object held, CustomerId id) {
        Customer[] all = held instanceof Customer one ? new Customer[] {one} : (Customer[]) held;
        int at = indexOf(all, id);
        if (at < 0) {
            return held;
        }
        if (all.length == 1) {
            return null;
        }
        if (all.length == 2) {
            return all[1 - at];
        }
        Customer[] shrunk = new Customer[all.length - 1];
        System.arraycopy(all, 0, shrunk, 0, at);
        System.arraycopy(all, at + 1, shrunk, at, all.length - at - 1);
        return shrunk;
    }

    /** Binary search by id: the index of {@code id}, or (-(insertion point) - 1). */
    private static int indexOf(Customer[] sorted, CustomerId id) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = sorted[mid].id().compareTo(id);
            if (cmp < 0) {
                lo = mid + 1;
            } else if (cmp > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }
}
