package org.crmkit.spi.consent;

import java.util.Set;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;

/**
 * The capability of a {@link ConsentStore} to erase the personal data of ledger entries, for the right to erasure.
 * The consent engine asks for it with {@code store.capability(LedgerErasure.class)} and refuses to erase a customer
 * without it ({@link org.crmkit.spi.UnsupportedCapabilityException}). Prove it with the
 * {@code LEDGER_ERASURE} feature of {@code org.crmkit.spi.tck.consent.ConsentStoreContract}.
 */
public interface LedgerErasure {
    /**
     * Replaces every entry of the tenant's ledger about one of {@code customers} by its
     * {@linkplain LedgerEntry#withoutPersonalData() erased form}, in place: sequences, hashes and the chain stay as
     * they are, so the ledger still verifies.
     *
     * <ul>
     *   <li><b>Reads.</b> From then on every read ({@link ConsentStore#read}, {@link ConsentStore#last},
     *       {@link ConsentStore#findByCustomer}) returns the erased form, and the store keeps no copy of what was
     *       erased (the personal fields and the salts): no history table, no soft delete.</li>
     *   <li><b>Idempotency.</b> Entries erased already stay as they are; customers without entries are ignored.</li>
     *   <li><b>Tenancy.</b> Entries of other tenants, and of other customers, are untouched.</li>
     *   <li><b>Atomicity and concurrency.</b> All or nothing; in a
     *       {@linkplain org.crmkit.spi.storage.Storage#atomically unit} it commits or is undone with the unit.
     *       Thread-safe.</li>
     * </ul>
     *
     * @return how many entries this call erased (not counting those erased before)
     * @throws org.crmkit.spi.ValidationException if an argument is null or holds null
     */
    long erase(TenantId tenant, Set<CustomerId> customers);
}
