package org.crmkit.spi.consent;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;

/**
 * One entry of a tenant's consent ledger: an event about a customer, numbered and chained to the entry before it,
 * with the event's personal data kept beside the chain so that it can be erased without breaking the chain.
 *
 * <h2>Personal data</h2>
 * The scope's contact point, the capture source's reference and the technical proof (IP address, user agent) are
 * personal data. The chain does not hash them: it hashes their {@link #personalDigest() personal digest}, a SHA-256
 * digest of the fields and a random {@link Salt} drawn for the entry. While the entry is whole, the event holds the
 * fields and the entry holds the salt, so {@link #hashMatches()} checks the fields too. Erasing the entry
 * ({@link #withoutPersonalData()}, done by a store's {@link LedgerErasure}) drops the fields and the salt and keeps
 * the digest: the chain still verifies, and without the salt the digest cannot be tested against guesses of the
 * fields.
 *
 * <h2>Hash</h2>
 * {@link #hash()} is the SHA-256 digest of the entry's canonical encoding, which includes {@link #previousHash()};
 * so altering, removing, inserting or reordering any entry breaks the chain from there on. The canonical encoding
 * (version 2) is the concatenation, big-endian, of:
 * <ol>
 *   <li>the four ASCII bytes {@code CKL2} (crmkit ledger, encoding version 2);</li>
 *   <li>the sequence (8 bytes) and the previous hash (32 bytes);</li>
 *   <li>the tenant, the customer id and the recorded-at instant;</li>
 *   <li>a tag byte for the event ({@code 1} opted in, {@code 2} opted out, {@code 3} confirmation requested,
 *       {@code 4} confirmed, {@code 5} expired, {@code 6} erased), the scope's channel name and purpose, then for an
 *       opt-in or an expiry the {@link Capture} name;</li>
 *   <li>the evidence without its personal part: source kind name, captured-at instant, optional wording (version,
 *       optional text);</li>
 *   <li>for an opt-in or a confirmation the optional valid-until instant, for a request the confirm-by instant, for an
 *       expiry the valid-until instant;</li>
 *   <li>the personal digest (32 bytes).</li>
 * </ol>
 * The personal digest is the SHA-256 digest of the personal encoding: the four ASCII bytes {@code CKP2}, the salt
 * (16 bytes), the scope's optional contact point ({@link org.crmkit.spi.customer.ContactValue#key()}), the source
 * reference, and the optional proof (optional IP address, optional user agent).
 *
 * <p>A text is its UTF-8 length (4 bytes) and bytes; an instant its epoch second (8 bytes) and nanosecond (4 bytes);
 * an optional value a byte {@code 0} when absent, or {@code 1} and the value.
 *
 * <p>The record checks neither its hash nor its digest, so that a tampered entry read back from a store can be
 * represented and found by {@link #hashMatches()}. Immutable and thread-safe.
 *
 * @param tenant         the tenant whose ledger holds it
 * @param sequence       1 for the first entry of the tenant's ledger, then 2, 3, … without gaps
 * @param customer       the customer the event is about
 * @param recordedAt     when the entry was appended; not before the event's instant
 * @param event          the consent event; in erased form ({@link ConsentScope} without contact point, source
 *                       reference {@link CaptureSource#ERASED_REFERENCE}, no proof) once the entry is erased
 * @param personalDigest the digest of the event's personal data and the salt
 * @param salt           the salt of the digest; empty once the entry is erased
 * @param previousHash   the hash of the entry before, {@link Hash256#ZERO} for the first
 * @param hash           the hash of this entry
 */
public record LedgerEntry(TenantId tenant, long sequence, CustomerId customer, Instant recordedAt,
                          ConsentEvent event, Hash256 personalDigest, Optional<Salt> salt, Hash256 previousHash,
                          Hash256 hash) {
    public LedgerEntry {
        Checks.notNull(tenant, "tenant");
        if (sequence < 1) {
            throw new ValidationException("sequence", "must be at least 1 (" + sequence + ")");
        }
        Checks.notNull(customer, "customer");
        Checks.notNull(recordedAt, "recordedAt");
        Checks.notNull(event, "event");
        Checks.notNull(personalDigest, "personalDigest");
        Checks.notNull(salt, "salt");
        Checks.notNull(previousHash, "previousHash");
        Checks.notNull(hash, "hash");
        if (recordedAt.isBefore(event.at())) {
            throw new ValidationException("recordedAt", "is before the event's instant");
        }
    }

    /**
     * A new, whole entry following the entry whose hash is {@code previousHash}, with its personal digest (under
     * {@code salt}, which must be drawn for this entry alone) and its hash computed.
     */
    public static LedgerEntry chain(TenantId tenant, long sequence, Hash256 previousHash, CustomerId customer,
                                    Instant recordedAt, ConsentEvent event, Salt salt) {
        Checks.notNull(event, "event");
        Checks.notNull(salt, "salt");
        LedgerEntry unhashed = new LedgerEntry(tenant, sequence, customer, recordedAt, event,
                CanonicalEncoding.personalDigest(event, salt), Optional.of(salt), previousHash, Hash256.ZERO);
        return new LedgerEntry(tenant, sequence, customer, recordedAt, event, unhashed.personalDigest, unhashed.salt,
                previousHash, unhashed.computeHash());
    }

    /** The hash this entry should have: SHA-256 of its canonical encoding. */
    public Hash256 computeHash() {
        return CanonicalEncoding.hash(this);
    }

    /**
     * Whether {@link #hash()} is the hash of the entry's content and, for a whole entry, {@link #personalDigest()}
     * the digest of its personal data and salt; an erased entry must hold no personal data.
     */
    public boolean hashMatches() {
        boolean personal = salt.map(s -> personalDigest.equals(CanonicalEncoding.personalDigest(event, s)))
                .orElseGet(() -> PersonalFields.erased(event));
        return personal && hash.equals(computeHash());
    }

    /** Whether the entry's personal data was erased. */
    public boolean isErased() {
        return salt.isEmpty();
    }

    /**
     * The erased form of this entry: the event without its personal data, no salt, everything else (the personal
     * digest, the hashes) unchanged, so that the chain still verifies. An erased entry is returned as it is.
     */
    public LedgerEntry withoutPersonalData() {
        if (isErased()) {
            return this;
        }
        return new LedgerEntry(tenant, sequence, customer, recordedAt, PersonalFields.erase(event), personalDigest,
                Optional.empty(), previousHash, hash);
    }

    /** The canonical encoding the hash is computed over (a new array). */
    public byte[] canonicalBytes() {
        return CanonicalEncoding.encode(this);
    }
}
