package org.crmkit.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

/**
 * The host's exchange rates, for computations over orders in several currencies ({@link RfmScorer.Builder#rates},
 * {@code crm.analytics().rfm(tenant, currency, rates)}): how many units of {@code to} one unit of {@code from} was
 * worth at an instant, or empty to decline. An order whose currency the rates decline is left out of the computation
 * and counted in its {@link OrderExclusions}, as if no rates were given. {@link CurrencyConverter} applies the rate
 * and rounds.
 *
 * <p>A computation asks once per order in another currency than its own, on its own thread, with the instant the
 * order occurred; never with {@code from} equal to {@code to}. Serve the answer from a table loaded beforehand: the
 * function is called on the computation's hot path. It must have no side effects and be thread-safe if computations
 * using it may run concurrently. A rate must be positive: a function that throws, answers {@code null} or gives a
 * rate of zero or less fails the computation with a {@link org.crmkit.spi.ValidationException} naming
 * {@code rates}, before anything is stored.
 */
@FunctionalInterface
public interface ExchangeRates {
    /**
     * The units of {@code to} that one unit of {@code from} was worth at {@code at}, positive, at any scale; empty to
     * decline the conversion.
     */
    Optional<BigDecimal> rate(Currency from, Currency to, Instant at);

    /** Rates that decline every pair, so that orders in another currency are left out: every computation's default. */
    static ExchangeRates none() {
        return (from, to, at) -> Optional.empty();
    }
}
