package org.crmkit.consent;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.Purpose;

/** A purpose the consent policy does not govern was named. Nothing was written. */
public class UnknownPurposeException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final String purpose;

    public UnknownPurposeException(Purpose purpose) {
        super("purpose", "'" + purpose.name() + "' is not a purpose of the consent policy");
        this.purpose = purpose.name();
    }

    /** The name of the unknown purpose. */
    public String purpose() {
        return purpose;
    }
}
