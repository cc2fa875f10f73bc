package org.crmkit.spi.interaction;

import org.crmkit.spi.Checks;

/**
 * The id of an anonymous visitor (a web cookie, an app installation) who is not yet identified as a customer.
 * Immutable and thread-safe.
 *
 * @param value 1 to 128 characters: ASCII letters, digits and {@code . _ : -}, starting with a letter or digit
 */
public record VisitorId(String value) {
    public VisitorId {
        Checks.token(value, "visitorId", 128);
    }

    public static VisitorId of(String value) {
        return new VisitorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
