package org.crmkit.spi.consent;

import java.util.Arrays;
import java.util.HexFormat;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * A 256-bit digest: a ledger entry's SHA-256 hash, or the keyed hash (HMAC-SHA-256) of a suppressed contact point.
 * Compared by value. Immutable and thread-safe (the bytes are copied in and out).
 */
public final class Hash256 implements Comparable<Hash256> {
    /** The number of bytes of a digest. */
    public static final int LENGTH = 32;
    /** The "previous hash" of the first entry of a ledger: 32 zero bytes. */
    public static final Hash256 ZERO = new Hash256(new byte[LENGTH]);

    private final byte[] bytes;
    private final int hash;

    private Hash256(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /**
     * The digest of these 32 bytes (copied).
     *
     * @throws ValidationException if there are not exactly 32 bytes
     */
    public static Hash256 of(byte[] bytes) {
        Checks.notNull(bytes, "hash");
        if (bytes.length != LENGTH) {
            throw new ValidationException("hash", "must have " + LENGTH + " bytes (" + bytes.length + ")");
        }
        return new Hash256(bytes.clone());
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

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes themselves, for the canonical encoding; never to be changed. */
    byte[] raw() {
        return bytes;
    }

    /** Lower-case hexadecimal, 64 digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash256 other && hash == other.hash && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Orders by unsigned bytes, the order of {@link #hex()}. */
    @Override
    public int compareTo(Hash256 other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
