package org.crmkit.consent;

/** What a channel and purpose need before a customer may be contacted. */
public enum Regime {
    /** A valid opt-in captured explicitly; an implicit one (pre-ticked box, soft opt-in) does not count. */
    EXPLICIT_OPT_IN,
    /** A valid opt-in, explicit or implicit. */
    OPT_IN,
    /** Nothing: contact is allowed until the customer opts out. */
    OPT_OUT
}
