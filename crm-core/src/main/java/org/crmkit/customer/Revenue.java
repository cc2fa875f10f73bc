package org.crmkit.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;

/**
 * A sum of amounts of money in one currency, such as a customer's revenue. Unlike {@link Money}, whose amount is an
 * input and so bounded to 18 integer digits, a sum has no bound: adding any number of amounts never fails. The
 * amount is held at the currency's scale, as {@code Money} holds it ({@code 12.5} EUR is {@code 12.50} EUR).
 * Immutable and thread-safe.
 *
 * @param amount   the sum, negative when credits and refunds exceed it; at most the currency's number of decimals
 * @param currency the ISO-4217 currency
 */
public record Revenue(BigDecimal amount, Currency currency) {
    public Revenue {
        Checks.notNull(amount, "amount");
        Checks.notNull(currency, "currency");
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        try {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new ValidationException("amount", "has more than " + scale + " decimals for " + currency);
        }
    }

    /** Nothing yet, in {@code currency}. */
    public static Revenue zero(Currency currency) {
        return new Revenue(BigDecimal.ZERO, currency);
    }

    /**
     * This sum plus {@code money}, which must be in the same currency.
     *
     * @throws ValidationException naming {@code currency} if the currencies differ
     */
    public Revenue plus(Money money) {
        Checks.notNull(money, "money");
        if (!currency.equals(money.currency())) {
            throw new ValidationException("currency", "cannot add " + money.currency() + " to " + currency);
        }
        return new Revenue(amount.add(money.amount()), currency);
    }

    /** The amount as a plain decimal and the currency code, as {@link Money#toString()} writes money. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
