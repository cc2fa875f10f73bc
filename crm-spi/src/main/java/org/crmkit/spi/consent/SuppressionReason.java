package org.crmkit.spi.consent;

/** Why a contact point is on the do-not-contact list. */
public enum SuppressionReason {
    /** Messages to it bounced permanently (the address or number does not exist). */
    HARD_BOUNCE,
    /** Its holder complained (marked a message as spam, complained to a regulator). */
    COMPLAINT,
    /** Its holder asked never to be contacted again, under a law that grants the right. */
    LEGAL_REQUEST,
    /** The host decided so. */
    HOST_DECISION
}
