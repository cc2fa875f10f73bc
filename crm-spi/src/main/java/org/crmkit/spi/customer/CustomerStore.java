package org.crmkit.spi.customer;

import java.util.List;
import java.util.Optional;

import org.crmkit.spi.Capable;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;

/**
 * Keeps customers. The port a host implements to put customers in its own storage; prove an implementation with
 * {@code org.crmkit.spi.tck.CustomerStoreContract}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenancy.</b> Every operation is scoped to one tenant: reads take it as an argument, writes take it from
 *       the customer. No operation reads or changes another tenant's data; the same {@link CustomerId} may exist in
 *       two tenants as two customers.</li>
 *   <li><b>Versions.</b> {@link #create} stores version 1. {@link #update} succeeds only if the given customer's
 *       version equals the stored one, and stores version + 1. A write based on an older version fails with
 *       {@link ConcurrentModificationException} and changes nothing.</li>
 *   <li><b>Unique keys.</b> Within a tenant a customer id and an {@link ExternalIdentity} each belong to at most one
 *       customer; contact points are not unique (two customers may share an e-mail address until they are
 *       merged).</li>
 *   <li><b>Atomicity.</b> Each write is all or nothing: a write that throws has changed nothing.</li>
 *   <li><b>Concurrency.</b> Implementations are thread-safe. Concurrent writes to one customer are serialised by the
 *       version check: exactly one of two writers based on the same version wins.</li>
 *   <li><b>Reads</b> return what the last successful write stored, equal by {@code equals} to what the write
 *       returned.</li>
 * </ul>
 */
public interface CustomerStore extends Capable {
    /** Largest page a store must serve in {@link #scan}. */
    int MAX_PAGE_SIZE = 10_000;

    /**
     * Stores a new customer with version 1.
     *
     * @param customer a customer of version 0
     * @return the stored customer (version 1)
     * @throws ValidationException   if the version is not 0
     * @throws DuplicateKeyException if the id, or one of its identities, is already held in the tenant
     */
    Customer create(Customer customer);

    /**
     * Replaces a stored customer.
     *
     * @param customer the changed customer, carrying the version it was read at
     * @return the stored customer, its version one higher
     * @throws NotFoundException                if no such customer is stored in its tenant
     * @throws ConcurrentModificationException  if the stored version differs from the customer's
     * @throws DuplicateKeyException            if one of its identities is held by another customer of the tenant
     */
    Customer update(Customer customer);

    /**
     * Atomically merges {@code mergedId} into {@code survivor}: stores the survivor (version + 1), removes the
     * merged customer (its identities are free for the survivor to hold) and keeps {@code record}.
     *
     * @param survivor      the survivor as it should be after the merge, carrying the version it was read at
     * @param mergedVersion the version of the merged customer the merge was decided on
     * @param record        the merge record; its survivor and merged ids name the two customers
     * @return the stored survivor
     * @throws ValidationException             if the record does not name the survivor and a different merged
     *                                         customer of the same tenant
     * @throws NotFoundException               if either customer is not stored
     * @throws ConcurrentModificationException if either stored version differs
     * @throws DuplicateKeyException           if the survivor's identities are held by a third customer
     */
    Customer merge(Customer survivor, long mergedVersion, MergeRecord record);

    /** The customer of that id in the tenant; empty if there is none (also after it was merged away). */
    Optional<Customer> findById(TenantId tenant, CustomerId id);

    /** The customer holding {@code identity} in the tenant, if any. */
    Optional<Customer> findByIdentity(TenantId tenant, ExternalIdentity identity);

    /**
     * Every customer of the tenant with a contact point of the same {@link ContactValue#key()} (so
     * {@code Ann@Example.com} finds {@code ann@example.com}), ordered by id.
     */
    List<Customer> findByContactPoint(TenantId tenant, ContactValue value);

    /** The record of the merge that removed {@code merged}, if it was merged away. */
    Optional<MergeRecord> findMergeRecord(TenantId tenant, CustomerId merged);

    /**
     * Reads the tenant's customers in ascending id order, a page at a time, without loading them all: the
     * streaming scan for batch analytics. A customer created or removed during a scan may or may not be seen; every
     * customer that exists throughout is returned exactly once.
     *
     * @param after a cursor from the previous page, or empty for the first page
     * @param limit 1 to {@value #MAX_PAGE_SIZE}
     * @throws ValidationException if the limit is out of range or the cursor was not produced by this store
     */
    Page<Customer> scan(TenantId tenant, Optional<String> after, int limit);

    /** The number of customers of the tenant. */
    long count(TenantId tenant);
}
