package org.crmkit.spi.consent;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * A change to one consent, as the ledger records it. The event's instant is its evidence's
 * {@link Evidence#capturedAt()}. Validity ends ({@code validUntil}, {@code confirmBy}) are fixed when the event is
 * recorded, so that the ledger alone answers what a consent was at any instant, whatever the policy says later.
 * The person gives, withdraws or confirms consent; the consent engine records when a consent expired or was erased.
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
     * This event about {@code scope} with {@code evidence}, all else unchanged: for an event carried over to
     * another customer, and for the erased form of an event.
     *
     * @throws ValidationException as the event's constructor does, e.g. if a validity end is not after the new
     *                             evidence's instant
     */
    ConsentEvent with(ConsentScope scope, Evidence evidence);

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

        @Override
        public OptedIn with(ConsentScope newScope, Evidence newEvidence) {
            return new OptedIn(newScope, capture, newEvidence, validUntil);
        }
    }

    /** The person withdrew consent (or objected, where no consent was needed). */
    record OptedOut(ConsentScope scope, Evidence evidence) implements ConsentEvent {
        public OptedOut {
            Checks.notNull(scope, "scope");
            Checks.notNull(evidence, "evidence");
        }

        @Override
        public OptedOut with(ConsentScope newScope, Evidence newEvidence) {
            return new OptedOut(newScope, newEvidence);
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

        @Override
        public ConfirmationRequested with(ConsentScope newScope, Evidence newEvidence) {
            return new ConfirmationRequested(newScope, newEvidence, confirmBy);
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

        @Override
        public Confirmed with(ConsentScope newScope, Evidence newEvidence) {
            return new Confirmed(newScope, newEvidence, validUntil);
        }
    }

    /**
     * The consent engine found that an opt-in's validity had ended and recorded it, once: from this event on the
     * consent is {@link ConsentState#EXPIRED} until the person gives it again.
     *
     * @param capture    how the expired opt-in had been captured
     * @param validUntil the end of its validity; not after the event's instant
     */
    record Expired(ConsentScope scope, Capture capture, Evidence evidence, Instant validUntil)
            implements ConsentEvent {
        public Expired {
            Checks.notNull(scope, "scope");
            Checks.notNull(capture, "capture");
            Checks.notNull(evidence, "evidence");
            Checks.notNull(validUntil, "validUntil");
            if (validUntil.isAfter(evidence.capturedAt())) {
                throw new ValidationException("validUntil", "must not be after the event's instant");
            }
        }

        @Override
        public Expired with(ConsentScope newScope, Evidence newEvidence) {
            return new Expired(newScope, capture, newEvidence, validUntil);
        }
    }

    /**
     * The customer was erased (the right to erasure): the consent ends without a trace of what it was, and the
     * customer's consents read as {@link ConsentState#NO_RECORD} from this event on, so an id given to someone else
     * later starts with nothing. The engine records one for each consent the customer had, in erased form
     * ({@link LedgerEntry#withoutPersonalData()}).
     */
    record Erased(ConsentScope scope, Evidence evidence) implements ConsentEvent {
        public Erased {
            Checks.notNull(scope, "scope");
            Checks.notNull(evidence, "evidence");
        }

        @Override
        public Erased with(ConsentScope newScope, Evidence newEvidence) {
            return new Erased(newScope, newEvidence);
        }
    }

    private static void checkAfter(Instant end, Evidence evidence, String field) {
        if (!end.isAfter(evidence.capturedAt())) {
            throw new ValidationException(field, "must be after the event's instant");
        }
    }
}
