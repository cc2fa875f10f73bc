package org.crmkit.spi.consent;

import java.util.Optional;

import org.crmkit.spi.Capable;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;

/**
 * Keeps the do-not-contact list: {@link SuppressionEntry entries} by keyed contact hash. Prove an implementation with
 * {@code org.crmkit.spi.tck.consent.SuppressionStoreContract}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenancy.</b> Every tenant has its own list; no operation reads or changes another tenant's.</li>
 *   <li><b>Key.</b> A contact hash is on a tenant's list at most once.</li>
 *   <li><b>Idempotency.</b> {@link #suppress} of a hash already listed keeps the earlier entry and returns it;
 *       {@link #lift} of a hash not listed changes nothing.</li>
 *   <li><b>Erasure.</b> The list is not personal data (it holds no address) and is kept when a customer is
 *       erased: that is its purpose.</li>
 *   <li><b>Version.</b> {@link #version} counts the changes of a tenant's list, so that engines sharing the store
 *       see at the price of one read whether the list they remember is still current.</li>
 *   <li><b>Atomicity and concurrency.</b> Implementations are thread-safe; each call is all or nothing. Of two
 *       concurrent {@link #suppress} calls for one hash, exactly one entry is stored and both return it.</li>
 *   <li><b>Units.</b> In a {@linkplain org.crmkit.spi.storage.Storage#atomically unit}, changes commit or are
 *       undone with the unit; undoing a change is itself a change of the {@linkplain #version version}.</li>
 * </ul>
 */
public interface SuppressionStore extends Capable {
    /** Largest page a store must serve in {@link #scan}. */
    int MAX_PAGE_SIZE = 10_000;

    /**
     * Puts {@code entry} on its tenant's list unless its hash is listed already.
     *
     * @return the entry now listed for the hash: {@code entry}, or the earlier one
     */
    SuppressionEntry suppress(SuppressionEntry entry);

    /**
     * Takes the hash off the tenant's list.
     *
     * @return whether it was listed
     */
    boolean lift(TenantId tenant, Hash256 contactHash);

    /**
     * A number that grows with every change of the tenant's list: each {@link #suppress} that lists a hash and
     * each {@link #lift} that removes one add exactly 1, calls that change nothing add nothing. It never decreases
     * and is 0 for a list never changed; a change undone with its unit makes the number grow again. So if it reads
     * {@code v} before one's own change and {@code v + 1} after it, nobody else changed the list in between.
     */
    long version(TenantId tenant);

    /** The entry listed for the hash in the tenant, if any. */
    Optional<SuppressionEntry> find(TenantId tenant, Hash256 contactHash);

    /**
     * Reads the tenant's list in ascending hash order ({@link Hash256#compareTo}), a page at a time. Every entry
     * listed throughout the scan is returned exactly once.
     *
     * @param after a cursor from the previous page, or empty for the first page
     * @param limit 1 to {@value #MAX_PAGE_SIZE}
     * @throws ValidationException if the limit is out of range or the cursor was not produced by this store
     */
    Page<SuppressionEntry> scan(TenantId tenant, Optional<String> after, int limit);
}
