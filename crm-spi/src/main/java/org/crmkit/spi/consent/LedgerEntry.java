package org.crmkit.spi.consent;

import java.time.Instant;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;

/**
 * One entry of a tenant's consent ledger: an event about a customer, numbered and chained to the entry before it.
 *
 * <p>{@link #hash()} is the SHA-256 digest of the entry's canonical encoding, which includes
 * {@link #previousHash()}; so altering, removing, inserting or reordering any entry breaks the chain from there on.
 * The canonical encoding (version 1) is the concatenation, big-endian, of:
 * <ol>
 *   <li>the four ASCII bytes {@code CKL1} (crmkit ledger, encoding version 1);</li>
 *   <li>the sequence (8 bytes) and the previous hash (32 bytes);</li>
 *   <li>the tenant, the customer id and the recorded-at instant;</li>
 *   <li>a tag byte for the event ({@code 1} opted in, {@code 2} opted out, {@code 3} confirmation requested,
 *       {@code 4} confirmed), the scope's channel name, purpose and optional contact point
 *       ({@link org.crmkit.spi.customer.ContactValue#key()}), then for an opt-in the {@link Capture} name;</li>
 *   <li>the evidence: source kind name, source reference, captured-at instant, optional wording (version, optional
 *       text), optional proof (optional IP address, optional user agent);</li>
 *   <li>for an opt-in or a confirmation the optional valid-until instant, for a request the confirm-by instant.</li>
 * </ol>
 * A text is its UTF-8 length (4 bytes) and bytes; an instant its epoch second (8 bytes) and nanosecond (4 bytes); an
 * optional value a byte {@code 0} when absent, or {@code 1} and the value.
 *
 * <p>The record does not check its hash, so that a tampered entry read back from a store can be represented and
 * found by {@link #hashMatches()}. Immutable and thread-safe.
 *
 * @param tenant       the tenant whose ledger holds it
 * @param sequence     1 for the first entry of the tenant's ledger, then 2, 3, … without gaps
 * @param customer     the customer the event is about
 * @param recordedAt   when the entry was appended; not before the event's instant
 * @param event        the consent event
 * @param previousHash the hash of the entry before, {@link Hash256#ZERO} for the first
 * @param hash         the hash of this entry
 */
public record LedgerEntry(TenantId tenant, long sequence, CustomerId customer, Instant recordedAt,
                          ConsentEvent event, Hash256 previousHash, Hash256 hash) {
    public LedgerEntry {
        Checks.notNull(tenant, "tenant");
        if (sequence < 1) {
            throw new ValidationException("sequence", "must be at least 1 (" + sequence + ")");
        }
        Checks.notNull(customer, "customer");
        Checks.notNull(recordedAt, "recordedAt");
        Checks.notNull(event, "event");
        Checks.notNull(previousHash, "previousHash");
        Checks.notNull(hash, "hash");
        if (recordedAt.isBefore(event.at())) {
            throw new ValidationException("recordedAt", "is before the event's instant");
        }
    }

    /** A new entry following the entry whose hash is {@code previousHash}, with its hash computed. */
    public static LedgerEntry chain(TenantId tenant, long sequence, Hash256 previousHash, CustomerId customer,
                                    Instant recordedAt, ConsentEvent event) {
        LedgerEntry unhashed = new LedgerEntry(tenant, sequence, customer, recordedAt, event, previousHash,
                Hash256.ZERO);
        return unhashed.withHash(unhashed.computeHash());
    }

    /** The hash this entry should have: SHA-256 of its canonical encoding. */
    public Hash256 computeHash() {
        return CanonicalEncoding.hash(this);
    }

    /** Whether {@link #hash()} is the hash of the entry's content. */
    public boolean hashMatches() {
        return hash.equals(computeHash());
    }

    /** The canonical encoding the hash is computed over (a new array). */
    public byte[] canonicalBytes() {
        return CanonicalEncoding.encode(this);
    }

    private LedgerEntry withHash(Hash256 newHash) {
        return new LedgerEntry(tenant, sequence, customer, recordedAt, event, previousHash, newHash);
    }
}
