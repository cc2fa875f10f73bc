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

    /** The state at {@code at} when {@code latest} is the scope's latest event then ({@code null}: none). */
    public static ConsentState state(ConsentEvent latest, Instant at) {
        if (latest == null) {
            return ConsentState.NO_RECORD;
        }
        if (latest instanceof ConsentEvent.OptedIn in) {
            return expired(in.validUntil(), at) ? ConsentState.EXPIRED : ConsentState.OPTED_IN;
        }
        if (latest instanceof ConsentEvent.Confirmed confirmed) {
            return expired(confirmed.validUntil(), at) ? ConsentState.EXPIRED : ConsentState.OPTED_IN;
        }
        if (latest instanceof ConsentEvent.ConfirmationRequested requested) {
            return at.isBefore(requested.confirmBy()) ? ConsentState.PENDING_CONFIRMATION : ConsentState.LAPSED;
        }
        return ConsentState.OPTED_OUT;
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

    private static boolean expired(Optional<Instant> validUntil, Instant at) {
        return validUntil.isPresent() && !at.isBefore(validUntil.get());
    }
}
