package org.crmkit.consent.internal;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.crmkit.spi.consent.Salt;

/**
 * Draws the salts of ledger entries from a generator, 256 at a time (one call to a {@code SecureRandom} costs about
 * as much for 4 KiB as for 16 bytes), and wipes each salt from the buffer as it hands it out, so that the engine
 * keeps no salt of an entry that may later be erased. Thread-safe (draws are serialised).
 */
public final class Salts {
    private static final int BATCH = 256;

    private final RandomGenerator random;
    private final byte[] buffer = new byte[BATCH * Salt.LENGTH];
    private int next = buffer.length;

    public Salts(RandomGenerator random) {
        this.random = random;
    }

    /** A salt no other entry has had. */
    public synchronized Salt next() {
        if (next == buffer.length) {
            random.nextBytes(buffer);
            next = 0;
        }
        Salt salt = Salt.of(Arrays.copyOfRange(buffer, next, next + Salt.LENGTH));
        Arrays.fill(buffer, next, next + Salt.LENGTH, (byte) 0);
        next += Salt.LENGTH;
        return salt;
    }
}
