package org.crmkit.spi.consent;

/**
 * The state of one consent (a customer, a channel, a purpose) at an instant, derived from the ledger: the latest
 * event of that consent at or before the instant decides it.
 */
public enum ConsentState {
    /** The latest event is an opt-in or a confirmed double opt-in that is still valid. */
    OPTED_IN,
    /** The latest event is an opt-out (a withdrawal). */
    OPTED_OUT,
    /** A double opt-in was requested and its confirmation window is still open. */
    PENDING_CONFIRMATION,
    /** The latest event is an opt-in whose validity period has ended, or the record that it expired. */
    EXPIRED,
    /** A double opt-in was requested but not confirmed within its window. */
    LAPSED,
    /** No event was recorded for this consent, or its latest event is its erasure. */
    NO_RECORD
}
