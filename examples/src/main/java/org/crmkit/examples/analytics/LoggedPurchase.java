package org.crmkit.examples.analytics;

import java.util.Currency;

import org.crmkit.scoring.Purchase;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;

/**
 * One row of a purchase log: the purchase and the currency of its amount. Immutable and thread-safe.
 *
 * @param purchase the customer, the day and the amount
 * @param currency the currency of the amount, which has at most the currency's default number of decimals
 */
public record LoggedPurchase(Purchase purchase, Currency currency) {
    public LoggedPurchase {
        Checks.notNull(purchase, "purchase");
        Checks.notNull(currency, "currency");
        Money.of(purchase.amount(), currency);
    }

    /** The amount with its currency. */
    public Money amount() {
        return Money.of(purchase.amount(), currency);
    }
}
