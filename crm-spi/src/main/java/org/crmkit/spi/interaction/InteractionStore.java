package org.crmkit.spi.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.spi.Capable;
import org.crmkit.spi.Checks;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;

/**
 * Keeps interactions, append-mostly. Prove an implementation with
 * {@code org.crmkit.spi.tck.InteractionStoreContract}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenancy.</b> Every operation is scoped to one tenant (writes take it from the interaction); nothing reads
 *       or changes another tenant's interactions.</li>
 *   <li><b>Idempotency.</b> {@code (tenant, source, externalId)} identifies an interaction: appending one whose key
 *       is stored already stores nothing and returns {@link AppendResult.Duplicate} with the stored one, even when
 *       the other fields differ. Ids are unique per tenant too.</li>
 *   <li><b>Order.</b> Reads by subject return interactions ordered by occurred-at instant, ties broken by id, in the
 *       query's direction.</li>
 *   <li><b>Atomicity and concurrency.</b> Implementations are thread-safe; each call is all or nothing, but for
 *       {@link #appendAll}, whose atomicity is that of the caller's unit. Of two concurrent appends with the same
 *       key (single or in batches) exactly one returns {@link AppendResult.Appended}.</li>
 * </ul>
 *
 * <p>The store does not know customers: whether a subject exists is the engine's concern.
 */
public interface InteractionStore extends Capable {
    /** Largest page a store must serve in {@link #scan}. */
    int MAX_PAGE_SIZE = 10_000;

    /**
     * Stores {@code interaction} unless its idempotency key is stored already.
     *
     * @throws DuplicateKeyException if its id is held by an interaction with a different idempotency key
     */
    AppendResult append(Interaction interaction);

    /**
     * Appends a batch: the same as {@link #append appending} its interactions one by one in the batch's order, with
     * the same results and the same store order, also where an idempotency key or an id occurs twice in the batch:
     * the second occurrence meets the first as stored (a {@link AppendResult.Duplicate} of it for its key, a
     * {@link DuplicateKeyException} for its id under another key), as it would if appended after it. This default
     * calls {@link #append} for each; an implementation may do it in fewer round trips, with the same outcome.
     *
     * <p>Atomicity is that of the caller's unit: inside a {@code Storage.atomically} unit the batch commits or is
     * undone with the unit. When it throws, the interactions after the refused one are not stored, and those before
     * it may be stored or not (outside a unit, each may have been stored on its own). Concurrent batches are safe as
     * concurrent appends are.
     *
     * @param batch the interactions, in order; may be empty
     * @return what happened to each, in the batch's order
     * @throws DuplicateKeyException if an interaction's id is held by an interaction with a different idempotency
     *                               key, stored before or earlier in the batch
     */
    default List<AppendResult> appendAll(List<Interaction> batch) {
        Checks.noNullElements(batch, "batch");
        List<AppendResult> results = new ArrayList<>(batch.size());
        for (Interaction interaction : batch) {
            results.add(append(interaction));
        }
        return List.copyOf(results);
    }

    Optional<Interaction> findById(TenantId tenant, InteractionId id);

    /** The interaction stored under the idempotency key, if any. */
    Optional<Interaction> findByExternalId(TenantId tenant, String source, String externalId);

    /**
     * One page of {@code subject}'s interactions that match {@code query}, in its order.
     *
     * @throws ValidationException if the query's cursor was not produced by this store for this subject's reads
     */
    Page<Interaction> find(TenantId tenant, Subject subject, InteractionQuery query);

    /**
     * Moves every interaction of {@code from} to the customer {@code to} (an identified visitor, a merged customer).
     * Idempotent: a second call moves nothing. Atomic: afterwards {@code from} has no interactions.
     *
     * @return how many interactions were moved
     */
    int reassign(TenantId tenant, Subject from, CustomerId to);

    /**
     * Reads the tenant's interactions a page at a time in store order, the order in which they were first appended,
     * without loading them all: the streaming scan for batch analytics. Interactions appended during the scan are
     * seen at its end; every interaction stored throughout is returned exactly once (with its current subject).
     *
     * @param after a cursor from the previous page, or empty for the first page
     * @param limit 1 to {@value #MAX_PAGE_SIZE}
     * @throws ValidationException if the limit is out of range or the cursor was not produced by this store
     */
    Page<Interaction> scan(TenantId tenant, Optional<String> after, int limit);

    /** The number of interactions of the tenant. */
    long count(TenantId tenant);
}
