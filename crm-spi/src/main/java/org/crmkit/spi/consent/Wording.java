package org.crmkit.spi.consent;

import java.util.Optional;

import org.crmkit.spi.Checks;

/**
 * The text the person saw when consenting: its version, and the exact text where the host does not keep versions
 * elsewhere. Immutable and thread-safe.
 *
 * @param version a token of at most 64 characters naming the wording (e.g. {@code newsletter-form-2026-03})
 * @param text    the exact text, at most 4,000 characters, not blank; may span lines (see {@link Checks#text})
 */
public record Wording(String version, Optional<String> text) {
    public Wording {
        Checks.token(version, "wording.version", 64);
        Checks.notNull(text, "wording.text");
        text.ifPresent(t -> Checks.text(t, "wording.text", 4000));
    }

    /** A wording known by its version only. */
    public static Wording version(String version) {
        return new Wording(version, Optional.empty());
    }

    public static Wording of(String version, String text) {
        return new Wording(version, Optional.of(Checks.notNull(text, "text")));
    }
}
