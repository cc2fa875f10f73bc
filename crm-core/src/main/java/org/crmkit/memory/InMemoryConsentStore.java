package org.crmkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.crmkit.memory.internal.ConsentPartition;
import org.crmkit.memory.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.LedgerErasure;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerId;

/**
 * The consent ledger ({@link ConsentStore}, with {@link LedgerErasure}) and the do-not-contact list
 * ({@link SuppressionStore}) on the heap; pass the same instance as both stores.
 *
 * <p><b>Units.</b> In a unit of its storage, an append keeps the tenant's ledger tail until the unit ends: other
 * appends wait for it, other threads do not see the unit's entries before it committed, and an undone unit removes
 * them from the end (the read-committed isolation {@link ConsentStore} asks for). Erasures and changes of the list
 * take effect at once and are undone with a failed unit; a unit must therefore not wait for a lock held by a unit
 * that waits for this tenant's ledger tail (name every lock in the outermost unit).
 *
 * <p>Thread-safe. Each tenant's ledger has its own read-write lock (appends serialised, reads in parallel); appends
 * and reads by sequence are array operations, reads by customer a hash lookup and a copy of the customer's entries.
 * The list is a concurrent sorted map per tenant with a change counter. Nothing is persisted.
 */
public final class InMemoryConsentStore implements ConsentStore, SuppressionStore, LedgerErasure {
    private final Map<TenantId, ConsentPartition> ledgers = new ConcurrentHashMap<>();
    private final Map<TenantId, NavigableMap<Hash256, SuppressionEntry>> lists = new ConcurrentHashMap<>();
    private final Map<TenantId, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Units units;

    /** A store of its own, outside any storage's units. */
    public InMemoryConsentStore() {
        this(new Units());
    }

    /** A store of a storage whose units undo its writes. */
    InMemoryConsentStore(Units units) {
        this.units = units;
    }

    private ConsentPartition ledger(TenantId tenant) {
        return ledgers.computeIfAbsent(Checks.notNull(tenant, "tenant"), t -> new ConsentPartition());
    }

    private Optional<ConsentPartition> existing(TenantId tenant) {
        return Optional.ofNullable(ledgers.get(Checks.notNull(tenant, "tenant")));
    }

    private NavigableMap<Hash256, SuppressionEntry> list(TenantId tenant) {
        return lists.computeIfAbsent(Checks.notNull(tenant, "tenant"), t -> new ConcurrentSkipListMap<>());
    }

    private AtomicLong counter(TenantId tenant, boolean create) {
        AtomicLong v = versions.get(Checks.notNull(tenant, "tenant"));
        return v != null || !create ? v : versions.computeIfAbsent(tenant, t -> new AtomicLong());
    }

    @Override
    public void append(LedgerEntry entry) {
        Checks.notNull(entry, "entry");
        ConsentPartition partition = ledger(entry.tenant());
        partition.append(entry);
        if (units.inUnit()) {
            units.undo(() -> partition.removeLast(entry.sequence()));
            units.afterCommit(partition::publish);
            units.afterRollback(partition::release);
        } else {
            partition.publish();
        }
    }

    @Override
    public long erase(TenantId tenant, Set<CustomerId> customers) {
        Checks.noNullElements(customers, "customers");
        Optional<ConsentPartition> partition = existing(tenant);
        if (partition.isEmpty()) {
            return 0;
        }
        List<LedgerEntry> replaced = partition.get().erase(customers);
        units.undo(() -> partition.get().restore(replaced));
        return replaced.size();
    }

    @Override
    public Optional<LedgerEntry> last(TenantId tenant) {
        return existing(tenant).flatMap(ConsentPartition::last);
    }

    @Override
    public List<LedgerEntry> findByCustomer(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        return existing(tenant).map(p -> p.findByCustomer(customer)).orElse(List.of());
    }

    @Override
    public List<LedgerEntry> read(TenantId tenant, long afterSequence, int limit) {
        Checks.nonNegative(afterSequence, "afterSequence");
        Checks.between(limit, 1, ConsentStore.MAX_PAGE_SIZE, "limit");
        return existing(tenant).map(p -> p.read(afterSequence, limit)).orElse(List.of());
    }

    @Override
    public SuppressionEntry suppress(SuppressionEntry entry) {
        Checks.notNull(entry, "entry");
        NavigableMap<Hash256, SuppressionEntry> list = list(entry.tenant());
        AtomicLong version = counter(entry.tenant(), true);
        SuppressionEntry earlier = list.putIfAbsent(entry.contactHash(), entry);
        if (earlier != null) {
            return earlier;
        }
        version.incrementAndGet();
        units.undo(() -> {
            list.remove(entry.contactHash());
            version.incrementAndGet();
        });
        return entry;
    }

    @Override
    public boolean lift(TenantId tenant, Hash256 contactHash) {
        Checks.notNull(contactHash, "contactHash");
        NavigableMap<Hash256, SuppressionEntry> list = list(tenant);
        AtomicLong version = counter(tenant, true);
        SuppressionEntry removed = list.remove(contactHash);
        if (removed == null) {
            return false;
        }
        version.incrementAndGet();
        units.undo(() -> {
            list.put(contactHash, removed);
            version.incrementAndGet();
        });
        return true;
    }

    @Override
    public long version(TenantId tenant) {
        AtomicLong version = counter(tenant, false);
        return version == null ? 0 : version.get();
    }

    @Override
    public Optional<SuppressionEntry> find(TenantId tenant, Hash256 contactHash) {
        Checks.notNull(contactHash, "contactHash");
        return Optional.ofNullable(list(tenant).get(contactHash));
    }

    @Override
    public Page<SuppressionEntry> scan(TenantId tenant, Optional<String> after, int limit) {
        Checks.notNull(after, "after");
        Checks.between(limit, 1, SuppressionStore.MAX_PAGE_SIZE, "limit");
        NavigableMap<Hash256, SuppressionEntry> view = list(tenant);
        if (after.isPresent()) {
            Hash256 cursor;
            try {
                cursor = Hash256.parse(after.get());
            } catch (ValidationException e) {
                throw new ValidationException("after", "is not a cursor of this store");
            }
            view = view.tailMap(cursor, false);
        }
        List<SuppressionEntry> items = new ArrayList<>(Math.min(limit, 64));
        for (SuppressionEntry e : view.values()) {
            if (items.size() == limit) {
                return new Page<>(items, Optional.of(items.get(limit - 1).contactHash().hex()));
            }
            items.add(e);
        }
        return Page.last(items);
    }
}
