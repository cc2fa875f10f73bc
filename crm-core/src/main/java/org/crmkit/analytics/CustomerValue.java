package org.crmkit.analytics;

import org.crmkit.spi.Checks;
import org.crmkit.spi.customer.CustomerId;

/**
 * One customer's predicted value over a horizon. Immutable.
 *
 * @param customer           the customer
 * @param probabilityAlive   the probability that the customer still buys, 0 to 1
 * @param expectedPurchases  purchases expected within the horizon
 * @param expectedValue      the lifetime value over the horizon, in the tenant's order currency (discounted if a
 *                           rate was given)
 */
public record CustomerValue(CustomerId customer, double probabilityAlive, double expectedPurchases,
                            double expectedValue) {
    public CustomerValue {
        Checks.notNull(customer, "customer");
    }
}
