package org.crmkit.analytics;

import java.time.LocalDate;
import java.util.List;

import org.crmkit.scoring.BgNbdParameters;
import org.crmkit.scoring.GammaGammaParameters;
import org.crmkit.scoring.OrderExclusions;
import org.crmkit.spi.Checks;

/**
 * The lifetime-value models fitted to a tenant's orders, and every customer's predicted value, highest first.
 * Immutable.
 *
 * @param calibrationStart first day of the purchases fitted (the first order's day)
 * @param calibrationEnd   last day fitted (today in the engine's zone)
 * @param horizonWeeks     the horizon of the values, in weeks
 * @param purchases        BG/NBD: the number of future purchases and whether a customer is still active
 * @param spend            Gamma-Gamma: the spend per purchase
 * @param customers        every customer with an order, by expected value descending (ties by id)
 * @param excluded         the orders left out for being in another currency (not converted) or having no amount
 */
public record LifetimeValues(LocalDate calibrationStart, LocalDate calibrationEnd, int horizonWeeks,
                             BgNbdParameters purchases, GammaGammaParameters spend, List<CustomerValue> customers,
                             OrderExclusions excluded) {
    public LifetimeValues {
        Checks.notNull(calibrationStart, "calibrationStart");
        Checks.notNull(calibrationEnd, "calibrationEnd");
        Checks.notNull(purchases, "purchases");
        Checks.notNull(spend, "spend");
        customers = List.copyOf(Checks.noNullElements(customers, "customers"));
        Checks.notNull(excluded, "excluded");
    }
}
