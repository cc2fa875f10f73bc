package org.crmkit.consent;

import org.crmkit.spi.CrmException;
import org.crmkit.spi.consent.ConsentScope;

/** A double opt-in confirmation arrived for a consent that awaits none. Nothing was written. */
public class ConfirmationNotPendingException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** Why there is nothing to confirm. */
    public enum Reason {
        /** No double opt-in was requested (or a later event replaced the request). */
        NOT_REQUESTED,
        /** The request's confirmation window had closed. */
        LAPSED
    }

    private final Reason reason;

    public ConfirmationNotPendingException(ConsentScope scope, Reason reason) {
        super("no double opt-in to confirm for " + scope.channel() + "/" + scope.purpose() + ": " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
