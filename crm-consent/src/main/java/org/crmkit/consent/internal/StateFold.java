package org.crmkit.consent.internal;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.consent.ConsentStatus;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.customer.CustomerId;

/**
 * The state of one consent from the latest event of its scope at or before an instant: the one rule every read of
 * the engine applies. Stateless.
 */
public final class StateFold {
    private StateFold() {
    }

    /** {@link #code} of an opt-in captured explicitly (or a confirmed double opt-in). */
    public static final byte EXPLICIT_OPT_IN = 0;
    /** {@link #code} of an opt-in captured implicitly. */
    public static final byte IMPLICIT_OPT_IN = 1;
    /** {@link #code} of a double opt-in waiting for its confirmation. */
    public static final byte CONFIRMATION_REQUESTED = 2;
    /** {@link #code} of an opt-out. */
    public static final byte OPT_OUT = 3;

    /** The state at {@code at} when {@code latest} is the scope's latest event then ({@code null}: none). */
    public static ConsentState state(ConsentEvent latest, Instant at) {
        if (latest == null) {
            return ConsentState.NO_RECORD;
        }
        Instant deadline = deadline(latest);
        return state(code(latest), deadline != null && !at.isBefore(deadline));
    }

    /**
     * The state of an event of {@link #code} {@code code} whose {@link #deadline} has or has not passed: an opt-in
     * past its validity is expired, a confirmation request past its window has lapsed.
     */
    public static ConsentState state(byte code, boolean deadlinePassed) {
        return switch (code) {
            case EXPLICIT_OPT_IN, IMPLICIT_OPT_IN -> deadlinePassed ? ConsentState.EXPIRED : ConsentState.OPTED_IN;
            case CONFIRMATION_REQUESTED -> deadlinePassed ? ConsentState.LAPSED : ConsentState.PENDING_CONFIRMATION;
            default -> ConsentState.OPTED_OUT;
        };
    }

    /** What kind of change {@code event} is, as one of the codes above. */
    public static byte code(ConsentEvent event) {
        if (event instanceof ConsentEvent.ConfirmationRequested) {
            return CONFIRMATION_REQUESTED;
        }
        if (event instanceof ConsentEvent.OptedOut) {
            return OPT_OUT;
        }
        return capture(event).isExplicit() ? EXPLICIT_OPT_IN : IMPLICIT_OPT_IN;
    }

    /** The instant from which {@code event} no longer holds (validity end, confirmation limit); {@code null}: none. */
    public static Instant deadline(ConsentEvent event) {
        return until(event).orElse(null);
    }

    /** How the opt-in {@code event} was captured; {@code null} for other events. */
    public static Capture capture(ConsentEvent event) {
        if (event instanceof ConsentEvent.OptedIn in) {
            return in.capture();
        }
        return event instanceof ConsentEvent.Confirmed ? Capture.DOUBLE_OPT_IN_CONFIRMED : null;
    }

    /** The full status at {@code at} of {@code scope}, whose latest event then is {@code latest} (or none). */
    public static ConsentStatus status(CustomerId customer, ConsentScope scope, ConsentEvent latest, Instant at) {
        if (latest == null) {
            return ConsentStatus.none(customer, scope, at);
        }
        return new ConsentStatus(customer, scope, at, state(latest, at), Optional.ofNullable(capture(latest)),
                Optional.of(latest.evidence()), Optional.of(latest.at()), until(latest));
    }

    private static Optional<Instant> until(ConsentEvent event) {
        if (event instanceof ConsentEvent.OptedIn in) {
            return in.validUntil();
        }
        if (event instanceof ConsentEvent.Confirmed confirmed) {
            return confirmed.validUntil();
        }
        if (event instanceof ConsentEvent.ConfirmationRequested requested) {
            return Optional.of(requested.confirmBy());
        }
        return Optional.empty();
    }
}
