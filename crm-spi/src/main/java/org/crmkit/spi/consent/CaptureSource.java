package org.crmkit.spi.consent;

import org.crmkit.spi.Checks;

/**
 * Where a consent event came from. The reference may identify a person (an agent, a client) or a context that
 * does (a store visit), so the ledger treats it as personal data and erases it with the customer. Immutable and
 * thread-safe.
 *
 * @param kind      the kind of source
 * @param reference what identifies it within its kind: the web form id, the agent's id, the import batch id, the API
 *                  client, the merged customer's id; a token of at most 128 characters
 */
public record CaptureSource(Kind kind, String reference) {
    /** The reference an erased ledger entry shows in place of its own. */
    public static final String ERASED_REFERENCE = "erased";

    /** The kinds of source. */
    public enum Kind {
        WEB_FORM, CALL_CENTRE_AGENT, IMPORT_BATCH, API, UNSUBSCRIBE_LINK, EMAIL_REPLY, PAPER_FORM, STORE,
        /** A merge of customers carried the consent over to the survivor; the reference is the merged customer. */
        MERGE,
        /** The consent engine itself recorded it: an expiry, an erasure. */
        ENGINE
    }

    public CaptureSource {
        Checks.notNull(kind, "source.kind");
        Checks.token(reference, "source.reference", 128);
    }

    public static CaptureSource of(Kind kind, String reference) {
        return new CaptureSource(kind, reference);
    }

    /** This source with its reference erased: the kind stays. */
    public CaptureSource erased() {
        return new CaptureSource(kind, ERASED_REFERENCE);
    }
}
