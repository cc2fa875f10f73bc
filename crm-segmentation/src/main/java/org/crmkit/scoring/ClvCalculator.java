package org.crmkit.scoring;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * Customer lifetime value over a finite horizon from a {@link BgNbdModel} (how many purchases) and a
 * {@link GammaGammaModel} (how much each is worth), as the discrete weekly sum
 *
 * <pre>
 *   CLV(H) = E[Z | x, zbar] · Σ_{k=1..H} ( E[Y(k) | x, t_x, T] − E[Y(k−1) | x, t_x, T] ) · (1 + d)^(−k)
 * </pre>
 *
 * where {@code E[Y(k) | …]} is {@link BgNbdModel#conditionalExpectedPurchases} ({@code E[Y(0)] = 0}),
 * {@code E[Z | …]} is {@link GammaGammaModel#conditionalExpectedSpend}, {@code d} is the weekly
 * {@link DiscountRate} and week {@code k} runs from {@code T + k − 1} to {@code T + k} after the customer's birth. The
 * value is in the currency of the purchase amounts the spend model was fitted to; it is an expectation, so a
 * {@code double}. Without discounting it is {@code E[Z | …]·E[Y(H) | …]}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClvCalculator {
    /** The longest horizon accepted: 100 years. */
    public static final int MAX_HORIZON_WEEKS = 5218;

    private final BgNbdModel purchases;
    private final GammaGammaModel spend;

    private ClvCalculator(BgNbdModel purchases, GammaGammaModel spend) {
        this.purchases = purchases;
        this.spend = spend;
    }

    /** A calculator combining the two models. */
    public static ClvCalculator of(BgNbdModel purchases, GammaGammaModel spend) {
        return new ClvCalculator(Checks.notNull(purchases, "purchases"), Checks.notNull(spend, "spend"));
    }

    /**
     * The customer's expected discounted value over the next {@code horizonWeeks} weeks.
     *
     * @throws ValidationException if {@code horizonWeeks} is negative or above {@link #MAX_HORIZON_WEEKS}
     */
    public double lifetimeValue(PurchaseSummary customer, int horizonWeeks, DiscountRate discount) {
        Checks.notNull(customer, "customer");
        Checks.notNull(discount, "discount");
        if (horizonWeeks < 0 || horizonWeeks > MAX_HORIZON_WEEKS) {
            throw new ValidationException("horizonWeeks", "must be from 0 to " + MAX_HORIZON_WEEKS);
        }
        double discountedPurchases = 0;
        double previous = 0;
        for (int k = 1; k <= horizonWeeks; k++) {
            double cumulative = purchases.conditionalExpectedPurchases(customer, k);
            discountedPurchases += (cumulative - previous) * discount.factor(k);
            previous = cumulative;
        }
        return spend.conditionalExpectedSpend(customer) * discountedPurchases;
    }

    /** The customer's expected undiscounted value over the next {@code horizonWeeks} weeks. */
    public double lifetimeValue(PurchaseSummary customer, int horizonWeeks) {
        return lifetimeValue(customer, horizonWeeks, DiscountRate.none());
    }
}
