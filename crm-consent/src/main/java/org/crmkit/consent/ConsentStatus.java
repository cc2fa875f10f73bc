package org.crmkit.consent;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.customer.CustomerId;

/**
 * One consent of a customer as it stood at {@link #at()}, derived from the ledger. Immutable and thread-safe.
 *
 * @param customer the customer
 * @param scope    channel, purpose and optional contact point
 * @param at       the instant the state is judged at
 * @param state    the state
 * @param capture  how the opt-in was captured, for {@code OPTED_IN} and {@code EXPIRED}
 * @param evidence the evidence of the event that decides the state; empty for {@code NO_RECORD}
 * @param since    the instant of that event; empty for {@code NO_RECORD}
 * @param until    when an opt-in expires (or expired), or a double opt-in's window closes (or closed), if it does
 */
public record ConsentStatus(CustomerId customer, ConsentScope scope, Instant at, ConsentState state,
                            Optional<Capture> capture, Optional<Evidence> evidence, Optional<Instant> since,
                            Optional<Instant> until) {
    public ConsentStatus {
        Checks.notNull(customer, "customer");
        Checks.notNull(scope, "scope");
        Checks.notNull(at, "at");
        Checks.notNull(state, "state");
        Checks.notNull(capture, "capture");
        Checks.notNull(evidence, "evidence");
        Checks.notNull(since, "since");
        Checks.notNull(until, "until");
    }

    /** The status of a consent with no event at or before {@code at}. */
    public static ConsentStatus none(CustomerId customer, ConsentScope scope, Instant at) {
        return new ConsentStatus(customer, scope, at, ConsentState.NO_RECORD,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
