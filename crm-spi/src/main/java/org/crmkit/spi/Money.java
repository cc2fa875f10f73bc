package org.crmkit.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;


/**
 * An amount of money in an ISO-4217 currency. The amount is held at the currency's scale (two decimals for EUR,
 * none for JPY): {@code Money.of("12.5", EUR)} equals {@code Money.of("12.50", EUR)}. An amount with more
 * decimals than the currency has is rejected rather than rounded. Never {@code double}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param amount   the amount, negative for refunds and credits; at most 18 digits before the decimal point
 * @param currency the ISO-4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    private static final int MAX_INTEGER_DIGITS = 18;

    public Money {
        Checks.notNull(amount, "amount");
        Checks.notNull(currency, "currency");
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        if ((long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new ValidationException("amount", "has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        BigDecimal exact = amount.scale() > scale ? amount.stripTrailingZeros() : amount;
        if (exact.scale() > scale) {
            throw new ValidationException("amount", "has more than " + scale + " decimals for " + currency);
        }
        amount = exact.setScale(scale, RoundingMode.UNNECESSARY);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), parseCurrency(currencyCode));
    }

    public static Money of(String amount, Currency currency) {
        return new Money(parseAmount(amount), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The sum; both amounts must be in the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Orders by amount; both amounts must be in the same currency. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new ValidationException("currency", "cannot combine " + currency + " with " + other.currency);
        }
    }

    private static BigDecimal parseAmount(String amount) {
        Checks.line(amount, "amount", 64);
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new ValidationException("amount", "is not a decimal number");
        }
    }

    /** Parses an ISO-4217 currency code, failing with a {@link ValidationException} naming the field. */
    public static Currency parseCurrency(String code) {
        Checks.line(code, "currency", 3);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("currency", "is not an ISO-4217 currency code");
        }
    }
}
