package org.crmkit.spi.consent;

import java.util.Arrays;
import java.util.HexFormat;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * A value of a fixed number of bytes, compared by value and class: what {@link Hash256} and {@link Salt} share.
 * Immutable (the bytes are copied in and out).
 */
abstract class FixedBytes {
    private final byte[] bytes;
    private final int hash;

    /** Takes {@code bytes} over without a copy. */
    FixedBytes(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /**
     * A copy of {@code bytes}, if there are exactly {@code length} of them.
     *
     * @throws ValidationException naming {@code field} otherwise
     */
    static byte[] copyOf(byte[] bytes, int length, String field) {
        Checks.notNull(bytes, field);
        if (bytes.length != length) {
            throw new ValidationException(field, "must have " + length + " bytes (" + bytes.length + ")");
        }
        return bytes.clone();
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes themselves, for the canonical encoding; never to be changed. */
    final byte[] raw() {
        return bytes;
    }

    /** Lower-case hexadecimal, two digits a byte. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && hash == ((FixedBytes) o).hash
                && Arrays.equals(bytes, ((FixedBytes) o).bytes);
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
