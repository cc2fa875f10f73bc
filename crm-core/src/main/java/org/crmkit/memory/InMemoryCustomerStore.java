package org.crmkit.memory;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.crmkit.memory.internal.CustomerPartition;
import org.crmkit.memory.internal.Partitions;
import org.crmkit.memory.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;

/**
 * A {@link CustomerStore} on the heap, indexed by id, identity and contact-point key; it also supports
 * {@link CustomerErasure}. Inside a unit of its {@link InMemoryStorage}, every write (create, update, merge, erase) is
 * undone exactly if the unit fails; an erasure's undo keeps what it removed until the unit ends.
 *
 * <p>Thread-safe. Each tenant has its own read-write lock: reads of one tenant run in parallel, writes of one tenant
 * are serialised, and tenants never block each other. Lookups by id, identity and contact point are hash lookups;
 * {@link #scan} walks an ordered index of ids. Nothing is persisted.
 */
public final class InMemoryCustomerStore implements CustomerStore, CustomerErasure {
    private static final Erased NOTHING = new Erased(false, new TreeSet<>());

    private final Partitions<CustomerPartition> partitions;

    /** A store of its own, outside any storage's units. */
    public InMemoryCustomerStore() {
        this(new Units());
    }

    /** A store of a storage whose units undo its writes. */
    InMemoryCustomerStore(Units units) {
        this.partitions = new Partitions<>(() -> new CustomerPartition(units));
    }

    @Override
    public Customer create(Customer customer) {
        Checks.notNull(customer, "customer");
        if (customer.version() != 0) {
            throw new ValidationException("version", "must be 0 for a new customer (" + customer.version() + ")");
        }
        return partitions.of(customer.tenant()).create(customer);
    }

    @Override
    public Customer update(Customer customer) {
        Checks.notNull(customer, "customer");
        return partitions.of(customer.tenant()).update(customer);
    }

    @Override
    public Customer merge(Customer survivor, long mergedVersion, MergeRecord record) {
        Checks.notNull(survivor, "survivor");
        Checks.notNull(record, "record");
        if (!record.tenant().equals(survivor.tenant()) || !record.survivor().equals(survivor.id())) {
            throw new ValidationException("record", "does not name the survivor " + survivor.id()
                    + " of tenant " + survivor.tenant());
        }
        return partitions.of(survivor.tenant()).merge(survivor, mergedVersion, record);
    }

    @Override
    public Optional<Customer> findById(TenantId tenant, CustomerId id) {
        Checks.notNull(id, "id");
        return partitions.existing(tenant).flatMap(p -> p.findById(id));
    }

    @Override
    public Optional<Customer> findByIdentity(TenantId tenant, ExternalIdentity identity) {
        Checks.notNull(identity, "identity");
        return partitions.existing(tenant).flatMap(p -> p.findByIdentity(identity));
    }

    @Override
    public List<Customer> findByContactPoint(TenantId tenant, ContactValue value) {
        Checks.notNull(value, "value");
        return partitions.existing(tenant).map(p -> p.findByContact(value)).orElse(List.of());
    }

    @Override
    public Optional<MergeRecord> findMergeRecord(TenantId tenant, CustomerId merged) {
        Checks.notNull(merged, "merged");
        return partitions.existing(tenant).flatMap(p -> p.findMergeRecord(merged));
    }

    @Override
    public Page<Customer> scan(TenantId tenant, Optional<String> after, int limit) {
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        Optional<CustomerId> from = after.map(InMemoryCustomerStore::cursor);
        return partitions.existing(tenant).map(p -> p.scan(from, limit)).orElse(Page.last(List.of()));
    }

    private static CustomerId cursor(String after) {
        try {
            return new CustomerId(after);
        } catch (ValidationException e) {
            throw new ValidationException("after", "is not a cursor of this store");
        }
    }

    @Override
    public long count(TenantId tenant) {
        return partitions.existing(tenant).map(CustomerPartition::count).orElse(0L);
    }

    @Override
    public Erased erase(TenantId tenant, CustomerId id) {
        Checks.notNull(id, "id");
        return partitions.existing(tenant).map(p -> p.erase(id)).orElse(NOTHING);
    }
}
