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
    /** {@link #code} of the record that an opt-in expired. */
    public static final byte EXPIRY = 4;
    /** {@link #code} of an erasure. */
    public static final byte ERASURE = 5;

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
            case EXPIRY -> ConsentState.EXPIRED;
            case ERASURE -> ConsentState.NO_RECORD;
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
        if (event instanceof ConsentEvent.Expired) {
            return EXPIRY;
        }
        if (event instanceof ConsentEvent.Erased) {
            return ERASURE;
        }
        return capture(event).isExplicit() ? EXPLICIT_OPT_IN : IMPLICIT_OPT_IN;
    }

    /**
     * The state {@code event} leaves its consent in when it is recorded, for {@code ConsentChanged}: given,
     * withdrawn, pending or expired; {@code null} for an erasure, which {@code CustomerErased} reports.
     */
    public static ConsentState changedTo(ConsentEvent event) {
        return switch (code(event)) {
            case EXPLICIT_OPT_IN, IMPLICIT_OPT_IN -> ConsentState.OPTED_IN;
            case CONFIRMATION_REQUESTED -> ConsentState.PENDING_CONFIRMATION;
            case EXPIRY -> ConsentState.EXPIRED;
            case ERASURE -> null;
            default -> ConsentState.OPTED_OUT;
        };
    }

    /** The instant from which {@code event} no longer holds (validity end, confirmation limit); {@code null}: none. */
    public static Instant deadline(ConsentEvent event) {
        return event instanceof ConsentEvent.Expired ? null : until(event).orElse(null);
    }

    /** How the opt-in {@code event} (or the opt-in whose expiry it records) was captured; {@code null} for others. */
    public static Capture capture(ConsentEvent event) {
        if (event instanceof ConsentEvent.OptedIn in) {
            return in.capture();
        }
        if (event instanceof ConsentEvent.Expired expired) {
            return expired.capture();
        }
        return event instanceof ConsentEvent.Confirmed ? Capture.DOUBLE_OPT_IN_CONFIRMED : null;
    }

    /**
     * The full status at {@code at} of {@code scope}, whose latest event then is {@code latest} (or none); an erasure
     * leaves no record.
     */
    public static ConsentStatus status(CustomerId customer, ConsentScope scope, ConsentEvent latest, Instant at) {
        if (latest == null || latest instanceof ConsentEvent.Erased) {
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
        if (event instanceof ConsentEvent.Expired expired) {
            return Optional.of(expired.validUntil());
        }
        return Optional.empty();
    }
}
