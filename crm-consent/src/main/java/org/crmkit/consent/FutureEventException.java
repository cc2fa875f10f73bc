package org.crmkit.consent;

import java.time.Instant;

import org.crmkit.spi.ValidationException;

/** A consent event is dated after the engine clock's present. Nothing was written. */
public class FutureEventException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public FutureEventException(Instant at, Instant now) {
        super("evidence.capturedAt", "is in the future (" + at + " is after " + now + ")");
    }
}
