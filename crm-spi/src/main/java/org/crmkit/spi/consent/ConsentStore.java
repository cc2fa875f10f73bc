package org.crmkit.spi.consent;

import java.util.List;
import java.util.Optional;

import org.crmkit.spi.Capable;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;

/**
 * Keeps the consent ledger: per tenant, an append-only sequence of {@link LedgerEntry ledger entries}. Prove an
 * implementation with {@code org.crmkit.spi.tck.consent.ConsentStoreContract}; a store that can erase personal data
 * offers {@link LedgerErasure} as a {@linkplain #capability capability}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenancy.</b> Every tenant has its own ledger, numbered from 1; no operation reads or changes another
 *       tenant's entries.</li>
 *   <li><b>Append only.</b> Entries are never removed, nor changed but by {@link LedgerErasure}. The store keeps
 *       entries exactly as given (equal by {@code equals}); it does not compute or check hashes, which is the
 *       engine's and the auditor's job ({@link LedgerEntry#hashMatches()}).</li>
 *   <li><b>Optimistic concurrency.</b> {@link #append} succeeds only if the entry's sequence is the tenant's last
 *       sequence + 1 (1 for an empty ledger): two writers that read the same last entry cannot both append, exactly
 *       one wins. The loser gets {@link ConcurrentModificationException} and nothing was written; it re-reads
 *       {@link #last} and retries.</li>
 *   <li><b>Order.</b> Every read returns entries in ascending sequence order.</li>
 *   <li><b>Atomicity and concurrency.</b> Implementations are thread-safe; each call is all or nothing, and a read
 *       sees an entry only once it is fully appended, together with every entry before it.</li>
 *   <li><b>Units.</b> In a {@linkplain org.crmkit.spi.storage.Storage#atomically unit}, an appended entry is seen
 *       by other units only once its unit committed (as a database's read-committed isolation gives), and an
 *       append that follows another unit's uncommitted append waits for that unit to end, then succeeds or fails
 *       on the sequence as it stands: so a unit that is undone never leaves a gap or an entry that others read.
 *       The appending unit itself reads its own entries at once.</li>
 * </ul>
 */
public interface ConsentStore extends Capable {
    /** Largest page a store must serve in {@link #read}. */
    int MAX_PAGE_SIZE = 10_000;

    /**
     * Appends {@code entry} to its tenant's ledger.
     *
     * @throws ConcurrentModificationException if the entry's sequence is not the tenant's last sequence + 1; its
     *                                         expected version is {@code entry.sequence() - 1}, its actual version
     *                                         the last sequence stored
     */
    void append(LedgerEntry entry);

    /** The tenant's last entry; empty for an empty ledger. */
    Optional<LedgerEntry> last(TenantId tenant);

    /**
     * Every entry of the tenant's ledger about {@code customer}, in ascending sequence order, as an unmodifiable list
     * that later appends and erasures leave unchanged.
     */
    List<LedgerEntry> findByCustomer(TenantId tenant, CustomerId customer);

    /**
     * Up to {@code limit} entries of the tenant's ledger whose sequence is greater than {@code afterSequence}, in
     * ascending sequence order: the streaming read for loading and verifying a ledger. An empty list means there is
     * nothing after {@code afterSequence}.
     *
     * @param afterSequence 0 to read from the first entry
     * @param limit         1 to {@value #MAX_PAGE_SIZE}
     * @throws ValidationException if {@code afterSequence} is negative or the limit is out of range
     */
    List<LedgerEntry> read(TenantId tenant, long afterSequence, int limit);
}
