package org.crmkit.spi.consent;

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
public final class Salt extends FixedBytes {
    /** The number of bytes of a salt. */
    public static final int LENGTH = 16;

    private Salt(byte[] bytes) {
        super(bytes);
    }

    /**
     * The salt of these 16 bytes (copied).
     *
     * @throws ValidationException if there are not exactly 16 bytes
     */
    public static Salt of(byte[] bytes) {
        return new Salt(copyOf(bytes, LENGTH, "salt"));
    }

    /** A salt of 16 bytes drawn from {@code random}, which the caller keeps from other threads while it draws. */
    public static Salt random(RandomGenerator random) {
        byte[] drawn = new byte[LENGTH];
        Checks.notNull(random, "random").nextBytes(drawn);
        return new Salt(drawn);
    }
}
