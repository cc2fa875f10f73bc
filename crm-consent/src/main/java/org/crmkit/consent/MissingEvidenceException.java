package org.crmkit.consent;

import org.crmkit.spi.ValidationException;

/** An opt-in lacks evidence its rule requires (the wording the person saw). Nothing was written. */
public class MissingEvidenceException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public MissingEvidenceException(String field, String reason) {
        super(field, reason);
    }
}
