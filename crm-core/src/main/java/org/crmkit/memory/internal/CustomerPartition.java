package org.crmkit.memory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.Page;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.DeviceToken;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's customers and their indexes, guarded by one read-write lock. Every write checks everything before it
 * changes anything, so a write that throws leaves the partition as it was.
 */
public final class CustomerPartition {
    private final Guarded guard = new Guarded();
    private final Map<CustomerId, Customer> byId = new HashMap<>();
    private final TreeSet<CustomerId> order = new TreeSet<>();
    private final Map<ExternalIdentity, CustomerId> byIdentity = new HashMap<>();
    /**
     * Contact key to the id (or the sorted ids) of the customers using it. E-mail addresses, phone numbers and device
     * tokens are normalised so that equality is key equality: they serve as their own keys, which saves a key string
     * per contact point; other values are keyed by {@link ContactValue#key()}.
     */
    private final Map<Object, Object> byContact = new HashMap<>();
    private final Map<CustomerId, MergeRecord> merges = new HashMap<>();

    public Customer create(Customer customer) {
        return guard.write(() -> {
            Customer held = byId.get(customer.id());
            if (held != null) {
                throw new DuplicateKeyException("customer id " + customer.id(), held.id().value());
            }
            checkIdentitiesFree(customer, customer.id(), customer.id());
            Customer stored = customer.toBuilder().version(1).build();
            byId.put(stored.id(), stored);
            order.add(stored.id());
            index(stored);
            return stored;
        });
    }

    public Customer update(Customer customer) {
        return guard.write(() -> {
            Customer current = current(customer.id(), customer.version());
            checkIdentitiesFree(customer, customer.id(), customer.id());
            Customer stored = customer.toBuilder().version(current.version() + 1).build();
            unindex(current);
            byId.put(stored.id(), stored);
            index(stored);
            return stored;
        });
    }

    public Customer merge(Customer survivor, long mergedVersion, MergeRecord record) {
        return guard.write(() -> {
            Customer currentSurvivor = current(survivor.id(), survivor.version());
            Customer currentMerged = current(record.merged(), mergedVersion);
            checkIdentitiesFree(survivor, survivor.id(), record.merged());
            Customer stored = survivor.toBuilder().version(currentSurvivor.version() + 1).build();
            unindex(currentMerged);
            byId.remove(currentMerged.id());
            order.remove(currentMerged.id());
            unindex(currentSurvivor);
            byId.put(stored.id(), stored);
            index(stored);
            merges.put(record.merged(), record);
            return stored;
        });
    }

    public boolean erase(CustomerId id) {
        return guard.write(() -> {
            boolean removed = false;
            Customer current = byId.remove(id);
            if (current != null) {
                order.remove(id);
                unindex(current);
                removed = true;
            }
            Iterator<MergeRecord> records = merges.values().iterator();
            while (records.hasNext()) {
                MergeRecord r = records.next();
                if (r.merged().equals(id) || r.survivor().equals(id)) {
                    records.remove();
                    removed = true;
                }
            }
            return removed;
        });
    }

    public Optional<Customer> findById(CustomerId id) {
        return guard.read(() -> {
            return Optional.ofNullable(byId.get(id));
        });
    }

    public Optional<Customer> findByIdentity(ExternalIdentity identity) {
        return guard.read(() -> {
            CustomerId id = byIdentity.get(identity);
            return id == null ? Optional.empty() : Optional.of(byId.get(id));
        });
    }

    public List<Customer> findByContact(ContactValue value) {
        return guard.read(() -> {
            Object held = byContact.get(indexKey(value));
            if (held == null) {
                return List.of();
            }
            if (held instanceof CustomerId id) {
                return List.of(byId.get(id));
            }
            CustomerId[] ids = (CustomerId[]) held;
            List<Customer> found = new ArrayList<>(ids.length);
            for (CustomerId id : ids) {
                found.add(byId.get(id));
            }
            return List.copyOf(found);
        });
    }

    public Optional<MergeRecord> findMergeRecord(CustomerId merged) {
        return guard.read(() -> {
            return Optional.ofNullable(merges.get(merged));
        });
    }

    public Page<Customer> scan(Optional<CustomerId> after, int limit) {
        return guard.read(() -> {
            Iterator<CustomerId> ids = after.map(a -> order.tailSet(a, false)).orElse(order).iterator();
            List<Customer> page = new ArrayList<>(Math.min(limit, byId.size()));
            while (page.size() < limit && ids.hasNext()) {
                page.add(byId.get(ids.next()));
            }
            Optional<String> next = ids.hasNext() && !page.isEmpty()
                    ? Optional.of(page.get(page.size() - 1).id().value()) : Optional.empty();
            return new Page<>(page, next);
        });
    }

    public long count() {
        return guard.read(() -> {
            return byId.size();
        });
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
            CustomerId holder = byIdentity.get(identity);
            if (holder != null && !holder.equals(self) && !holder.equals(other)) {
                throw new DuplicateKeyException("identity " + identity, holder.value());
            }
        }
    }

    private void index(Customer c) {
        for (ExternalIdentity identity : c.identities()) {
            byIdentity.put(identity, c.id());
        }
        for (Object key : contactKeys(c)) {
            byContact.merge(key, c.id(), CustomerPartition::union);
        }
    }

    private void unindex(Customer c) {
        for (ExternalIdentity identity : c.identities()) {
            byIdentity.remove(identity, c.id());
        }
        for (Object key : contactKeys(c)) {
            byContact.computeIfPresent(key, (k, held) -> without(held, c.id()));
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

    /** Adds {@code id} to what a contact key holds: one id, or a sorted array of several. */
    private static Object union(Object held, Object id) {
        CustomerId[] ids = held instanceof CustomerId one ? new CustomerId[] {one} : (CustomerId[]) held;
        int at = Arrays.binarySearch(ids, id);
        if (at >= 0) {
            return held;
        }
        int insert = -at - 1;
        CustomerId[] grown = new CustomerId[ids.length + 1];
        System.arraycopy(ids, 0, grown, 0, insert);
        grown[insert] = (CustomerId) id;
        System.arraycopy(ids, insert, grown, insert + 1, ids.length - insert);
        return grown;
    }

    /** Removes {@code id} from what a contact key holds; null when nothing is left, which drops the key. */
    private static @Nullable Object without(Object held, CustomerId id) {
        if (held instanceof CustomerId one) {
            return one.equals(id) ? null : one;
        }
        CustomerId[] ids = (CustomerId[]) held;
        int at = Arrays.binarySearch(ids, id);
        if (at < 0) {
            return held;
        }
        if (ids.length == 2) {
            return ids[1 - at];
        }
        CustomerId[] shrunk = new CustomerId[ids.length - 1];
        System.arraycopy(ids, 0, shrunk, 0, at);
        System.arraycopy(ids, at + 1, shrunk, at, ids.length - at - 1);
        return shrunk;
    }
}
