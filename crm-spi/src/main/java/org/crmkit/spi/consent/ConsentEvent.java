package org.crmkit.spi.consent;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * A change to one consent, as the ledger records it. The event's instant is its evidence's
 * {@link Evidence#capturedAt()}. Validity ends ({@code validUntil}, {@code confirmBy}) are fixed when the event is
 * recorded, so that the ledger alone answers what a consent was at any instant, whatever the policy says later.
 * Immutable and thread-safe.
 */
public sealed interface ConsentEvent {
    /** The consent the event changes. */
    ConsentScope scope();

    /** The proof of the event. */
    Evidence evidence();

    /** When the event happened: the evidence's capture instant. */
    default Instant at() {
        return evidence().capturedAt();
    }

    /**
     * The person gave consent.
     *
     * @param capture    how; never {@link Capture#DOUBLE_OPT_IN_CONFIRMED} (that is a {@link Confirmed} event)
     * @param validUntil the instant the consent expires, if it does; after the event's instant
     */
    record OptedIn(ConsentScope scope, Capture capture, Evidence evidence, Optional<Instant> validUntil)
            implements ConsentEvent {
        public OptedIn {
            Checks.notNull(scope, "scope");
            Checks.notNull(capture, "capture");
            Checks.notNull(evidence, "evidence");
            Checks.notNull(validUntil, "validUntil");
            if (capture == Capture.DOUBLE_OPT_IN_CONFIRMED) {
                throw new ValidationException("capture", "a double opt-in is confirmed by a Confirmed event");
            }
            validUntil.ifPresent(v -> checkAfter(v, evidence, "validUntil"));
        }
    }

    /** The person withdrew consent (or objected, where no consent was needed). */
    record OptedOut(ConsentScope scope, Evidence evidence) implements ConsentEvent {
        public OptedOut {
            Checks.notNull(scope, "scope");
            Checks.notNull(evidence, "evidence");
        }
    }

    /**
     * A double opt-in was requested (the confirmation message went out).
     *
     * @param confirmBy the end of the confirmation window; after the event's instant
     */
    record ConfirmationRequested(ConsentScope scope, Evidence evidence, Instant confirmBy) implements ConsentEvent {
        public ConfirmationRequested {
            Checks.notNull(scope, "scope");
            Checks.notNull(evidence, "evidence");
            Checks.notNull(confirmBy, "confirmBy");
            checkAfter(confirmBy, evidence, "confirmBy");
        }
    }

    /**
     * The person confirmed a pending double opt-in: an explicit opt-in
     * ({@link Capture#DOUBLE_OPT_IN_CONFIRMED}).
     *
     * @param validUntil the instant the consent expires, if it does; after the event's instant
     */
    record Confirmed(ConsentScope scope, Evidence evidence, Optional<Instant> validUntil) implements ConsentEvent {
        public Confirmed {
            Checks.notNull(scope, "scope");
            Checks.notNull(evidence, "evidence");
            Checks.notNull(validUntil, "validUntil");
            validUntil.ifPresent(v -> checkAfter(v, evidence, "validUntil"));
        }
    }

    private static void checkAfter(Instant end, Evidence evidence, String field) {
        if (!end.isAfter(evidence.capturedAt())) {
            throw new ValidationException(field, "must be after the event's instant");
        }
    }
}
