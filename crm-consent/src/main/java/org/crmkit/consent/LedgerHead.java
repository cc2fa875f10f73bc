package org.crmkit.consent;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.Hash256;

/**
 * The last entry of a ledger, by sequence and hash. A host that publishes or stores the head elsewhere (a write-once
 * log, a timestamping service) can later prove, with
 * {@link ConsentService#verify(org.crmkit.spi.TenantId, LedgerHead)}, that no entry up to it was removed from the end. Immutable and thread-safe.
 *
 * @param sequence the last sequence, 0 for an empty ledger
 * @param hash     the last entry's hash, {@link Hash256#ZERO} for an empty ledger
 */
public record LedgerHead(long sequence, Hash256 hash) {
    public static final LedgerHead EMPTY = new LedgerHead(0, Hash256.ZERO);

    public LedgerHead {
        Checks.nonNegative(sequence, "sequence");
        Checks.notNull(hash, "hash");
        if (sequence == 0 && !hash.equals(Hash256.ZERO)) {
            throw new ValidationException("hash", "must be zero for an empty ledger");
        }
    }
}
