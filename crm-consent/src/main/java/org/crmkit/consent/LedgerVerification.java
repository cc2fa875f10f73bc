package org.crmkit.consent;

import java.util.List;

import org.crmkit.spi.Checks;

/**
 * The result of verifying a tenant's ledger. Immutable and thread-safe.
 *
 * @param entriesChecked how many entries were read
 * @param violations     every violation found, by ascending sequence; empty when the ledger is intact
 */
public record LedgerVerification(long entriesChecked, List<Violation> violations) {
    /** What is wrong with an entry. */
    public enum Problem {
        /**
         * The entry's hash is not the hash of its content, or its personal digest not the digest of its personal data
         * and salt, or an erased entry still holds personal data: the entry was altered.
         */
        HASH_MISMATCH,
        /** The entry's previous hash is not the hash of the entry before it: an entry before was altered, removed or
         *  moved. */
        CHAIN_BROKEN,
        /** The entry's sequence does not follow the previous one's: an entry was removed or moved. */
        SEQUENCE_GAP,
        /** The ledger ends before, or differs at, the head known to the engine or given as an anchor: entries were
         *  removed from the end or the ledger was rewritten. */
        HEAD_MISMATCH,
        /** The entry names another tenant. */
        WRONG_TENANT
    }

    /**
     * One violation.
     *
     * @param sequence the sequence at which it was found (the expected sequence for a gap or a head mismatch)
     * @param problem  what is wrong
     */
    public record Violation(long sequence, Problem problem) {
        public Violation {
            Checks.notNull(problem, "problem");
        }
    }

    public LedgerVerification {
        Checks.nonNegative(entriesChecked, "entriesChecked");
        violations = List.copyOf(Checks.noNullElements(violations, "violations"));
    }

    /** Whether no violation was found. */
    public boolean intact() {
        return violations.isEmpty();
    }
}
