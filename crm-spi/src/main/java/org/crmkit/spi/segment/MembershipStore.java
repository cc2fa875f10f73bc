package org.crmkit.spi.segment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

import org.crmkit.spi.Capable;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;

/**
 * Keeps who is in which tracked segment, and since when: the memberships incremental tracking maintains, so that
 * they survive a restart and every engine on the storage answers the same. Prove an implementation with
 * {@code org.crmkit.spi.tck.MembershipStoreContract}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenancy.</b> Every operation is scoped to one tenant; the same segment name in two tenants is two
 *       segments.</li>
 *   <li><b>Idempotency.</b> {@link #enter} of a member keeps its first {@code since}; {@link #leave} of a
 *       non-member changes nothing; each says whether it changed anything.</li>
 *   <li><b>Atomicity and concurrency.</b> Implementations are thread-safe; each call is all or nothing. Of two
 *       concurrent {@code enter} calls for one membership exactly one returns {@code true}.</li>
 *   <li><b>Erasure.</b> {@link #remove} takes a customer out of every segment and clears its review.</li>
 *   <li><b>Reviews.</b> Each customer has at most one scheduled review: the instant from which time alone (a window
 *       ageing, a score decaying, a consent ending) may change its memberships. The engine schedules it whenever it
 *       decides the customer, and decides again the customers {@link #dueForReview due}, so that re-evaluation costs
 *       what changes, not the size of the base.</li>
 * </ul>
 * Segment names are lower-case ({@code [a-z][a-z0-9_]*}, at most 64 characters).
 */
public interface MembershipStore extends Capable {
    /** Largest page a store must serve in {@link #members}. */
    int MAX_PAGE_SIZE = 10_000;

    /**
     * Makes the customer a member of the segment since {@code since}, unless it is one already.
     *
     * @return whether it was not a member before
     */
    boolean enter(TenantId tenant, String segment, CustomerId customer, Instant since);

    /**
     * Takes the customer out of the segment.
     *
     * @return whether it was a member
     */
    boolean leave(TenantId tenant, String segment, CustomerId customer);

    /** Since when the customer is a member of the segment; empty if it is not one. */
    Optional<Instant> memberSince(TenantId tenant, String segment, CustomerId customer);

    /** The segments the customer is a member of, sorted by name. */
    SortedSet<String> segmentsOf(TenantId tenant, CustomerId customer);

    /**
     * The segment's members in ascending id order, a page at a time. Every customer that is a member throughout the
     * read is returned exactly once.
     *
     * @param after a cursor from the previous page, or empty for the first page
     * @param limit 1 to {@value #MAX_PAGE_SIZE}
     * @throws org.crmkit.spi.ValidationException if the limit is out of range or the cursor was not produced by this
     *                                            store
     */
    Page<CustomerId> members(TenantId tenant, String segment, Optional<String> after, int limit);

    /** How many members the segment has. */
    long count(TenantId tenant, String segment);

    /**
     * Takes the customer out of every segment and clears its scheduled review. Idempotent.
     *
     * @return how many memberships were removed
     */
    int remove(TenantId tenant, CustomerId customer);

    /**
     * Empties the segment (it was redefined or dropped). Idempotent.
     *
     * @return how many memberships were removed
     */
    long clear(TenantId tenant, String segment);

    /**
     * Sets the instant of the customer's next review, replacing any earlier one, or clears it ({@code at} empty).
     *
     * @return whether the stored instant changed
     */
    boolean scheduleReview(TenantId tenant, CustomerId customer, Optional<Instant> at);

    /** The instant of the customer's scheduled review; empty if none is scheduled. */
    Optional<Instant> reviewAt(TenantId tenant, CustomerId customer);

    /**
     * The customers whose review is due at or before {@code now}: earliest instant first, ties in ascending id
     * order, at most {@code limit}. Reading changes nothing: a customer stays due until its review is scheduled
     * later or cleared.
     *
     * @param limit 1 to {@value #MAX_PAGE_SIZE}
     * @throws org.crmkit.spi.ValidationException if the limit is out of range
     */
    List<CustomerId> dueForReview(TenantId tenant, Instant now, int limit);
}
