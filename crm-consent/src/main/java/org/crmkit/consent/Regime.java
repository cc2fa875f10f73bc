package org.crmkit.consent;

/** What a channel and purpose need before a customer may be contacted. */
public enum Regime {
    /** A valid opt-in captured explicitly; an implicit one (pre-ticked box, soft opt-in) does not count. */
    EXPLICIT_OPT_IN,
    /**
     * A valid opt-in captured explicitly, or the soft opt-in of an existing customer
     * ({@link org.crmkit.spi.consent.Capture#SOFT_OPT_IN_PURCHASE}, ePrivacy Directive art. 13(2)); a pre-ticked box,
     * an inferred consent or an import does not count (CJEU Planet49, C-673/17; GDPR recital 32).
     */
    EXPLICIT_OR_SOFT_OPT_IN,
    /** A valid opt-in, explicit or implicit. */
    OPT_IN,
    /** Nothing: contact is allowed until the customer opts out. */
    OPT_OUT
}
