package org.crmkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.crmkit.memory.internal.Units;
import org.crmkit.memory.internal.ConsentPartition;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerId;

/**
 * The consent ledger ({@link ConsentStore}) and the do-not-contact list ({@link SuppressionStore}) on the heap; pass
 * the same instance as both stores.
 *
 * <p>Thread-safe. Each tenant's ledger has its own read-write lock (appends serialised, reads in parallel); appends
 * and reads by sequence are array operations, reads by customer a hash lookup and a copy of the customer's entries.
 * The list is a concurrent sorted map per tenant. Nothing is persisted.
 */
public final class InMemoryConsentStore implements ConsentStore, SuppressionStore {
    private final Map<TenantId, ConsentPartition> ledgers = new ConcurrentHashMap<>();
    private final Map<TenantId, NavigableMap<Hash256, SuppressionEntry>> lists = new ConcurrentHashMap<>();
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

    @Override
    public void append(LedgerEntry entry) {
        Checks.notNull(entry, "entry");
        ledger(entry.tenant()).append(entry);
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
        SuppressionEntry earlier = list(entry.tenant()).putIfAbsent(entry.contactHash(), entry);
        return earlier == null ? entry : earlier;
    }

    @Override
    public boolean lift(TenantId tenant, Hash256 contactHash) {
        Checks.notNull(contactHash, "contactHash");
        return list(tenant).remove(contactHash) != null;
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
