package org.crmkit.cache;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.crmkit.memory.InMemoryCustomerStore;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.segment.SegmentQueryCapability;

/**
 * A {@link CustomerStore} over an {@link InMemoryCustomerStore} that counts the calls of each method. It does not
 * offer erasure. Thread-safe.
 */
class CountingCustomerStore implements CustomerStore {
    final InMemoryCustomerStore target = new InMemoryCustomerStore();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** A counting store that evaluates segments itself, answering every query with {@code query}. */
    static CountingCustomerStore answering(SegmentQueryCapability query) {
        return new CountingCustomerStore() {
            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return type == SegmentQueryCapability.class ? Optional.of(type.cast(query)) : super.capability(type);
            }
        };
    }

    /** How often {@code method} was called. */
    int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    private void count(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public Customer create(Customer customer) {
        count("create");
        return target.create(customer);
    }

    @Override
    public Customer update(Customer customer) {
        count("update");
        return target.update(customer);
    }

    @Override
    public Customer merge(Customer survivor, long mergedVersion, MergeRecord record) {
        count("merge");
        return target.merge(survivor, mergedVersion, record);
    }

    @Override
    public Optional<Customer> findById(TenantId tenant, CustomerId id) {
        count("findById");
        return target.findById(tenant, id);
    }

    @Override
    public Optional<Customer> findByIdentity(TenantId tenant, ExternalIdentity identity) {
        count("findByIdentity");
        return target.findByIdentity(tenant, identity);
    }

    @Override
    public List<Customer> findByContactPoint(TenantId tenant, ContactValue value) {
        count("findByContactPoint");
        return target.findByContactPoint(tenant, value);
    }

    @Override
    public Optional<MergeRecord> findMergeRecord(TenantId tenant, CustomerId merged) {
        count("findMergeRecord");
        return target.findMergeRecord(tenant, merged);
    }

    @Override
    public Page<Customer> scan(TenantId tenant, Optional<String> after, int limit) {
        count("scan");
        return target.scan(tenant, after, limit);
    }

    @Override
    public long count(TenantId tenant) {
        count("count");
        return target.count(tenant);
    }
}
