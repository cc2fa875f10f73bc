package org.crmkit.spi.score;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;

import org.crmkit.spi.Capable;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;

/**
 * Keeps every customer's latest scores: what batch scoring computed (RFM, lifetime value, profiles) and what live
 * scoring keeps current (engagement). Prove an implementation with {@code org.crmkit.spi.tck.ScoreStoreContract}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenancy.</b> Every operation is scoped to one tenant; nothing reads or changes another tenant's
 *       scores.</li>
 *   <li><b>Last write wins</b> per (customer, score name): {@link #put} replaces the named scores and leaves the
 *       customer's other scores as they are. Reads return what the last write stored, equal by {@code equals}.
 *       Writers of one customer serialise themselves with the customer's
 *       {@linkplain org.crmkit.spi.storage.LockKey#customer lock}; the store needs no versions.</li>
 *   <li><b>Atomicity and concurrency.</b> Implementations are thread-safe; each call is all or nothing.</li>
 *   <li><b>Erasure.</b> {@link #remove} forgets every score of a customer: scores are derived personal data.</li>
 * </ul>
 */
public interface ScoreStore extends Capable {
    /** Largest page a store must serve in {@link #scan}. */
    int MAX_PAGE_SIZE = 10_000;

    /**
     * Stores the customer's {@code scores}, each replacing the customer's score of its name. An empty collection
     * changes nothing.
     *
     * @throws org.crmkit.spi.ValidationException if two of the scores have the same name, or an argument is null
     */
    void put(TenantId tenant, CustomerId customer, Collection<Score> scores);

    /** The customer's scores by name; empty if it has none. */
    SortedMap<String, Score> find(TenantId tenant, CustomerId customer);

    /** The customer's score of that name, if it has one. */
    Optional<Score> find(TenantId tenant, CustomerId customer, String name);

    /**
     * Forgets every score of the customer. Idempotent.
     *
     * @return how many scores were removed
     */
    int remove(TenantId tenant, CustomerId customer);

    /**
     * Reads the scores of the tenant's customers in ascending customer-id order, a page at a time. Every customer
     * that has scores throughout the scan is returned exactly once.
     *
     * @param after a cursor from the previous page, or empty for the first page
     * @param limit 1 to {@value #MAX_PAGE_SIZE}
     * @throws org.crmkit.spi.ValidationException if the limit is out of range or the cursor was not produced by this
     *                                            store
     */
    Page<CustomerScores> scan(TenantId tenant, Optional<String> after, int limit);
}
