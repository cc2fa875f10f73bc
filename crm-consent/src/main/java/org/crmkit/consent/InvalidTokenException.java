package org.crmkit.consent;

import org.crmkit.spi.CrmException;

/**
 * An unsubscribe token was refused; nothing was changed. The message names the reason only, never the token.
 */
public class InvalidTokenException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        /** It is not a token of this format (wrong shape, bad base64url, wrong lengths, unreadable payload). */
        MALFORMED,
        /** Its signature does not match its payload: forged, altered, or signed with another key. */
        FORGED,
        /** It was genuine but its expiry has passed. */
        EXPIRED
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason) {
        super("unsubscribe token refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
