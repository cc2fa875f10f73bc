package org.crmkit.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.crmkit.scoring.ModelFitException.Reason;
import org.crmkit.scoring.internal.BgNbdLikelihood;
import org.crmkit.scoring.internal.BgNbdPredictions;
import org.crmkit.scoring.internal.LogScaleFit;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * The BG/NBD ("beta-geometric / negative binomial distribution") model of repeat purchasing, Fader, Hardie and Lee
 * (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2). While alive, a customer buys at a Poisson
 * rate {@code λ ~ Gamma(r, alpha)}; after each repeat purchase they drop out for good with probability
 * {@code p ~ Beta(a, b)}. All times are in weeks.
 *
 * <p>{@link #fit} maximises the likelihood over {@code ln r, ln alpha, ln a, ln b} with a quasi-Newton method from
 * several starting points; the result is deterministic. Instances are immutable and thread-safe.
 */
public final class BgNbdModel {
    static final String NAME = "BG/NBD";

    private final BgNbdParameters parameters;

    private BgNbdModel(BgNbdParameters parameters) {
        this.parameters = parameters;
    }

    /** The model with known parameters. */
    public static BgNbdModel of(BgNbdParameters parameters) {
        return new BgNbdModel(Checks.notNull(parameters, "parameters"));
    }

    /**
     * Fits the model to the customers' calibration-period summaries by maximum likelihood; their spend is not used.
     *
     * @throws ModelFitException  with reason {@code NO_CUSTOMERS}, {@code TOO_FEW_CUSTOMERS} (one customer),
     *                            {@code NO_OBSERVATION_TIME} (every {@code T = 0}), {@code NO_REPEAT_PURCHASES} (every
     *                            {@code x = 0}), {@code DEGENERATE_ESTIMATE} (a parameter runs off to 0 or infinity,
     *                            for example when nobody drops out) or {@code NOT_CONVERGED}
     * @throws ValidationException if the collection or an element is null
     */
    public static BgNbdModel fit(Collection<PurchaseSummary> summaries) {
        Checks.noNullElements(summaries, "summaries");
        int n = summaries.size();
        if (n == 0) {
            throw new ModelFitException(NAME, Reason.NO_CUSTOMERS, "there are no customers");
        }
        if (n == 1) {
            throw new ModelFitException(NAME, Reason.TOO_FEW_CUSTOMERS, "one customer cannot identify 4 parameters");
        }
        int[] x = new int[n];
        double[] recency = new double[n];
        double[] age = new double[n];
        long purchases = 0;
        double weeks = 0;
        int i = 0;
        for (PurchaseSummary s : summaries) {
            x[i] = s.frequency();
            recency[i] = s.recency();
            age[i] = s.age();
            purchases += s.frequency();
            weeks += s.age();
            i++;
        }
        if (weeks == 0) {
            throw new ModelFitException(NAME, Reason.NO_OBSERVATION_TIME,
                    "every customer was observed for 0 weeks (T = 0)");
        }
        if (purchases == 0) {
            throw new ModelFitException(NAME, Reason.NO_REPEAT_PURCHASES, "no customer made a repeat purchase");
        }
        BgNbdLikelihood likelihood = BgNbdLikelihood.of(x, recency, age);
        LogScaleFit.Outcome outcome = LogScaleFit.fit(
                (theta, gradient) -> likelihood.evaluate(theta[0], theta[1], theta[2], theta[3], gradient),
                n, starts(purchases / weeks));
        double[] theta = FitOutcomes.parameters(NAME, outcome, new String[] {"r", "alpha", "a", "b"});
        double logLikelihood = likelihood.evaluate(theta[0], theta[1], theta[2], theta[3], null);
        if (!Double.isFinite(logLikelihood)) {
            throw new ModelFitException(NAME, Reason.NOT_CONVERGED, "the log-likelihood at the estimate is not finite");
        }
        return new BgNbdModel(new BgNbdParameters(theta[0], theta[1], theta[2], theta[3], logLikelihood));
    }

    private static List<double[]> starts(double weeklyRate) {
        List<double[]> starts = new ArrayList<>();
        for (double r : new double[] {0.3, 1.0, 3.0}) {
            for (double[] ab : new double[][] {{0.5, 2.0}, {1.0, 1.0}, {2.0, 8.0}}) {
                starts.add(new double[] {r, r / weeklyRate, ab[0], ab[1]});
            }
        }
        return starts;
    }

    /** The parameters. */
    public BgNbdParameters parameters() {
        return parameters;
    }

    /**
     * The log-likelihood of these summaries under this model's parameters (eq. 6 of the paper, summed over
     * customers).
     */
    public double logLikelihood(Collection<PurchaseSummary> summaries) {
        Checks.noNullElements(summaries, "summaries");
        int n = summaries.size();
        int[] x = new int[n];
        double[] recency = new double[n];
        double[] age = new double[n];
        int i = 0;
        for (PurchaseSummary s : summaries) {
            x[i] = s.frequency();
            recency[i] = s.recency();
            age[i] = s.age();
            i++;
        }
        BgNbdParameters p = parameters;
        return BgNbdLikelihood.of(x, recency, age).evaluate(p.r(), p.alpha(), p.a(), p.b(), null);
    }

    /**
     * Expected repeat purchases of a customer born now in their first {@code weeks} weeks, {@code E[X(t)]} (eq. 9).
     * Non-decreasing in {@code weeks}.
     *
     * @throws ValidationException if {@code weeks} is negative or not finite
     */
    public double expectedPurchases(double weeks) {
        checkWeeks(weeks);
        BgNbdParameters p = parameters;
        return BgNbdPredictions.conditionalExpectedPurchases(p.r(), p.alpha(), p.a(), p.b(), 0, 0, 0, weeks);
    }

    /** The probability that the customer is still alive at the end of their calibration period (eq. 12). */
    public double probabilityAlive(PurchaseSummary summary) {
        Checks.notNull(summary, "summary");
        BgNbdParameters p = parameters;
        return BgNbdPredictions.probabilityAlive(p.r(), p.alpha(), p.a(), p.b(), summary.frequency(),
                summary.recency(), summary.age());
    }

    /**
     * Expected repeat purchases in the {@code weeks} weeks after the customer's calibration period, given their
     * history, {@code E[Y(t) | x, t_x, T]} (eq. 10). Non-decreasing in {@code weeks}.
     *
     * @throws ValidationException if {@code weeks} is negative or not finite
     */
    public double conditionalExpectedPurchases(PurchaseSummary summary, double weeks) {
        Checks.notNull(summary, "summary");
        checkWeeks(weeks);
        BgNbdParameters p = parameters;
        return BgNbdPredictions.conditionalExpectedPurchases(p.r(), p.alpha(), p.a(), p.b(), summary.frequency(),
                summary.recency(), summary.age(), weeks);
    }

    private static void checkWeeks(double weeks) {
        if (!Double.isFinite(weeks) || weeks < 0) {
            throw new ValidationException("weeks", "must be a finite number >= 0");
        }
    }

    @Override
    public String toString() {
        return NAME + parameters;
    }
}
