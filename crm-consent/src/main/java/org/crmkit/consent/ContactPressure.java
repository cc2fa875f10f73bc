package org.crmkit.consent;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;

/**
 * Counts the messages actually sent to a customer, for the {@link PressureCap contact-pressure caps}. Two
 * implementations ship: {@link InMemoryContactPressure}, fed by {@link ConsentService#recordSent}, fast enough for
 * every decision; and {@link InteractionContactPressure}, which reads recorded interactions (and records a
 * {@code message_sent} interaction for each send it is told of). Implementations are thread-safe.
 */
public interface ContactPressure {
    /**
     * The number of messages sent to {@code customer} on {@code channel} for one of {@code purposes} (any purpose
     * when empty) strictly after {@code since}; an implementation may stop counting at
     * {@link PressureCap#MAX_MESSAGES}.
     */
    int sentSince(TenantId tenant, CustomerId customer, ConsentChannel channel, Set<Purpose> purposes, Instant since);

    /**
     * When the earliest of the messages {@link #sentSince} counts was sent; empty if it counts none. An
     * implementation that keeps only the latest {@link PressureCap#MAX_MESSAGES} sends answers the earliest it
     * keeps. This is when a reached cap can first be released as time passes.
     */
    Optional<Instant> firstSentSince(TenantId tenant, CustomerId customer, ConsentChannel channel,
                                     Set<Purpose> purposes, Instant since);

    /**
     * Takes note of a message sent, so that {@link #sentSince} counts it from then on.
     *
     * @throws UnsupportedOperationException if this counter cannot record sends (it counts what another record holds)
     */
    void recordSent(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose, Instant at);
}
