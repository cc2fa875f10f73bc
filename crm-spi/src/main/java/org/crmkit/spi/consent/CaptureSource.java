package org.crmkit.spi.consent;

import org.crmkit.spi.Checks;

/**
 * Where a consent event came from. Immutable and thread-safe.
 *
 * @param kind      the kind of source
 * @param reference what identifies it within its kind: the web form id, the agent's id, the import batch id, the API
 *                  client; a token of at most 128 characters
 */
public record CaptureSource(Kind kind, String reference) {
    /** The kinds of source. */
    public enum Kind {
        WEB_FORM, CALL_CENTRE_AGENT, IMPORT_BATCH, API, UNSUBSCRIBE_LINK, EMAIL_REPLY, PAPER_FORM, STORE
    }

    public CaptureSource {
        Checks.notNull(kind, "source.kind");
        Checks.token(reference, "source.reference", 128);
    }

    public static CaptureSource of(Kind kind, String reference) {
        return new CaptureSource(kind, reference);
    }
}
