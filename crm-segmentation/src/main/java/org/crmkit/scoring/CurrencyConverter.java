package org.crmkit.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;

/**
 * Brings amounts of money into one target currency with the host's {@link ExchangeRates}. An amount already in the
 * target currency is returned as it is. Another is multiplied by the rate for its currency at the given instant and
 * the product rounded {@linkplain RoundingMode#HALF_EVEN half-even} to the target currency's default fraction digits
 * (two for EUR, none for JPY): 5.025 becomes 5.02, 5.035 becomes 5.04. Each amount is rounded on its own, before any
 * sum; negative amounts (refunds) convert like positive ones.
 *
 * <p>Immutable; thread-safe when its rates are.
 */
public final class CurrencyConverter {
    private final Currency target;
    private final ExchangeRates rates;
    private final int scale;

    private CurrencyConverter(Currency target, ExchangeRates rates) {
        this.target = target;
        this.rates = rates;
        this.scale = Math.max(target.getDefaultFractionDigits(), 0);
    }

    /** A converter into {@code target} with {@code rates} ({@link ExchangeRates#none()} to convert nothing). */
    public static CurrencyConverter of(Currency target, ExchangeRates rates) {
        return new CurrencyConverter(Checks.notNull(target, "target"), Checks.notNull(rates, "rates"));
    }

    /** The currency amounts are converted into. */
    public Currency target() {
        return target;
    }

    /**
     * {@code amount} in the target currency at {@code at}: itself if it is in the target currency, otherwise
     * converted as the class describes; empty if the rates decline its currency.
     *
     * @throws ValidationException naming {@code rates} if the rates throw (their exception is the cause, its message
     *                             is not repeated), answer {@code null}, give a rate of zero or less, or a rate that
     *                             takes the amount beyond 18 integer digits; naming the argument if one is null
     */
    public Optional<Money> convert(Money amount, Instant at) {
        Checks.notNull(amount, "amount");
        Checks.notNull(at, "at");
        Currency from = amount.currency();
        if (from.equals(target)) {
            return Optional.of(amount);
        }
        Optional<BigDecimal> rate = rate(from, at);
        if (rate.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal converted = amount.amount().multiply(rate.get()).setScale(scale, RoundingMode.HALF_EVEN);
        try {
            return Optional.of(Money.of(converted, target));
        } catch (ValidationException tooLarge) {
            throw failure(from, "gave a rate that takes an amount beyond 18 integer digits");
        }
    }

    private Optional<BigDecimal> rate(Currency from, Instant at) {
        Optional<BigDecimal> rate;
        try {
            rate = rates.rate(from, target, at);
        } catch (RuntimeException e) {
            ValidationException failed = failure(from, "failed (" + e.getClass().getName() + ")");
            failed.initCause(e);
            throw failed;
        }
        if (rate == null) {
            throw failure(from, "answered null instead of a rate or an empty Optional");
        }
        if (rate.isPresent() && rate.get().signum() <= 0) {
            throw failure(from, "gave a rate of zero or less");
        }
        return rate;
    }

    private ValidationException failure(Currency from, String what) {
        return new ValidationException("rates", "converting " + from.getCurrencyCode() + " to "
                + target.getCurrencyCode() + ": the exchange rates " + what);
    }
}
