package org.crmkit.consent;

/** Why a {@link ContactDecision} was denied. A denial lists every reason that applies. */
public enum DenialReason {
    /** The customer is not known to the customer directory. */
    UNKNOWN_CUSTOMER,
    /** An opt-in is needed and none was recorded (or a double opt-in request lapsed). */
    NO_CONSENT,
    /** The customer opted out. */
    OPTED_OUT,
    /** An explicit opt-in is needed and the one recorded is implicit. */
    IMPLICIT_NOT_ACCEPTED,
    /** The opt-in's validity period has ended. */
    EXPIRED,
    /** A double opt-in awaits confirmation. */
    CONFIRMATION_PENDING,
    /** The contact point is on the do-not-contact list. */
    SUPPRESSED,
    /** A contact-pressure cap is reached. */
    PRESSURE_CAP_REACHED,
    /** The customer has no contact point of the kind the channel needs. */
    CONTACT_POINT_MISSING,
    /** The rule needs a verified contact point and the customer's is not verified. */
    CONTACT_POINT_UNVERIFIED
}
