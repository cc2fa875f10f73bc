package org.crmkit.spi.consent;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * The random salt of one ledger entry's {@linkplain LedgerEntry#personalDigest() personal digest}: 16 bytes, drawn
 * for each entry, kept beside the entry's personal data and erased with it. Without the salt the digest cannot be
 * tested against guesses of the data (an IP address has few enough values to try them all), so salts must come from
 * an unpredictable source such as {@link java.security.SecureRandom}. Compared by value. Immutable and thread-safe
 * (the bytes are copied in and out).
 */
public final class Salt {
    /** The number of bytes of a salt. */
    public static final int LENGTH = 16;

    private final byte[] bytes;
    private final int hash;

    private Salt(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /**
     * The salt of these 16 bytes (copied).
     *
     * @throws ValidationException if there are not exactly 16 bytes
     */
    public static Salt of(byte[] bytes) {
        Checks.notNull(bytes, "salt");
        if (bytes.length != LENGTH) {
            throw new ValidationException("salt", "must have " + LENGTH + " bytes (" + bytes.length + ")");
        }
        return new Salt(bytes.clone());
    }

    /** A salt of 16 bytes drawn from {@code random}, which the caller keeps from other threads while it draws. */
    public static Salt random(RandomGenerator random) {
        byte[] drawn = new byte[LENGTH];
        Checks.notNull(random, "random").nextBytes(drawn);
        return new Salt(drawn);
    }

    /** A copy of the 16 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes themselves, for the canonical encoding; never to be changed. */
    byte[] raw() {
        return bytes;
    }

    /** Lower-case hexadecimal, 32 digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Salt other && hash == other.hash && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return hex();
    }
}
