package org.crmkit.spi.consent;

import java.util.Arrays;
import java.util.HexFormat;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * A 256-bit digest: a ledger entry's SHA-256 hash, or the keyed hash (HMAC-SHA-256) of a suppressed contact point.
 * Compared by value. Immutable and thread-safe (the bytes are copied in and out).
 */
public final class Hash256 extends FixedBytes implements Comparable<Hash256> {
    /** The number of bytes of a digest. */
    public static final int LENGTH = 32;
    /** The "previous hash" of the first entry of a ledger: 32 zero bytes. */
    public static final Hash256 ZERO = new Hash256(new byte[LENGTH]);

    private Hash256(byte[] bytes) {
        super(bytes);
    }

    /**
     * The digest of these 32 bytes (copied).
     *
     * @throws ValidationException if there are not exactly 32 bytes
     */
    public static Hash256 of(byte[] bytes) {
        return new Hash256(copyOf(bytes, LENGTH, "hash"));
    }

    /** The digest of these 32 bytes, taken over without a copy: for freshly computed digests only. */
    static Hash256 wrap(byte[] digest) {
        return new Hash256(digest);
    }

    /**
     * Parses 64 hexadecimal digits (either case).
     *
     * @throws ValidationException if the text is not 64 hexadecimal digits
     */
    public static Hash256 parse(String hex) {
        Checks.notNull(hex, "hash");
        if (hex.length() != 2 * LENGTH) {
            throw new ValidationException("hash", "must have " + 2 * LENGTH + " hexadecimal digits");
        }
        try {
            return new Hash256(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("hash", "must have " + 2 * LENGTH + " hexadecimal digits");
        }
    }

    /** Orders by unsigned bytes, the order of {@link #hex()}. */
    @Override
    public int compareTo(Hash256 other) {
        return Arrays.compareUnsigned(raw(), other.raw());
    }
}
