package org.crmkit.spi.consent;

/**
 * How an opt-in was captured. Each way is explicit or implicit by construction: a pre-ticked box, a purchase or an
 * import can never count as explicit consent.
 */
public enum Capture {
    /** The person ticked an empty box. */
    TICKED_BOX(true),
    /** The person said yes, on the phone or in person (the agent is the evidence's source). */
    VERBAL(true),
    /** The person signed a paper form. */
    SIGNED_FORM(true),
    /** The person confirmed a double opt-in; set by the engine on confirmation, never given by hand. */
    DOUBLE_OPT_IN_CONFIRMED(true),
    /** The box was ticked in advance and the person left it so. */
    PRE_TICKED_BOX(false),
    /** Inferred from a purchase: the "soft opt-in" for marketing similar products to existing customers. */
    SOFT_OPT_IN_PURCHASE(false),
    /** Inferred from other behaviour. */
    INFERRED(false),
    /** Imported from another system that does not prove how it was captured. */
    IMPORT(false);

    private final boolean explicit;

    Capture(boolean explicit) {
        this.explicit = explicit;
    }

    /** Whether the person actively expressed consent. */
    public boolean isExplicit() {
        return explicit;
    }
}
