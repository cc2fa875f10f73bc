package org.crmkit.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.crmkit.scoring.ModelFitException.Reason;
import org.crmkit.scoring.internal.GammaGammaLikelihood;
import org.crmkit.scoring.internal.LogScaleFit;
import org.crmkit.spi.Checks;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005, "RFM and CLV: Using Iso-Value Curves for
 * Customer Base Analysis", JMR 42(4); Fader and Hardie 2013, "The Gamma-Gamma Model of Monetary Value"). It assumes
 * that a customer's spend does not depend on how often they buy.
 *
 * <p>{@link #fit} maximises the likelihood of the mean repeat spends {@code zbar} over {@code ln p, ln q, ln gamma}
 * with a quasi-Newton method from several starting points; the result is deterministic. Instances are immutable and
 * thread-safe.
 */
public final class GammaGammaModel {
    static final String NAME = "Gamma-Gamma";

    private final GammaGammaParameters parameters;

    private GammaGammaModel(GammaGammaParameters parameters) {
        this.parameters = parameters;
    }

    /** The model with known parameters. */
    public static GammaGammaModel of(GammaGammaParameters parameters) {
        return new GammaGammaModel(Checks.notNull(parameters, "parameters"));
    }

    /**
     * Fits the model by maximum likelihood to the customers with {@code x >= 1} and a mean spend {@code zbar > 0};
     * the others are ignored.
     *
     * @throws ModelFitException with reason {@code NO_REPEAT_PURCHASES} (no such customer), {@code TOO_FEW_CUSTOMERS}
     *                           (one), {@code DEGENERATE_ESTIMATE} (a parameter runs off to 0 or infinity, for example
     *                           when every mean spend is equal, or {@code q <= 1}) or {@code NOT_CONVERGED}
     */
    public static GammaGammaModel fit(Collection<PurchaseSummary> summaries) {
        Checks.noNullElements(summaries, "summaries");
        List<PurchaseSummary> used = new ArrayList<>();
        for (PurchaseSummary s : summaries) {
            if (s.frequency() >= 1 && s.monetaryMean().isPresent() && s.monetaryMean().getAsDouble() > 0) {
                used.add(s);
            }
        }
        if (used.isEmpty()) {
            throw new ModelFitException(NAME, Reason.NO_REPEAT_PURCHASES,
                    "no customer has a repeat purchase with a positive mean spend");
        }
        if (used.size() == 1) {
            throw new ModelFitException(NAME, Reason.TOO_FEW_CUSTOMERS, "one customer cannot identify 3 parameters");
        }
        int n = used.size();
        int[] x = new int[n];
        double[] spend = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            x[i] = used.get(i).frequency();
            spend[i] = used.get(i).monetaryMean().getAsDouble();
            total += spend[i];
        }
        GammaGammaLikelihood likelihood = GammaGammaLikelihood.of(x, spend);
        LogScaleFit.Outcome outcome = LogScaleFit.fit(
                (theta, gradient) -> likelihood.evaluate(theta[0], theta[1], theta[2], gradient),
                n, starts(total / n));
        double[] theta = FitOutcomes.parameters(NAME, outcome, new String[] {"p", "q", "gamma"});
        if (theta[1] <= 1) {
            throw new ModelFitException(NAME, Reason.DEGENERATE_ESTIMATE,
                    "q = " + theta[1] + " <= 1: the fitted mean spend is infinite");
        }
        double logLikelihood = likelihood.evaluate(theta[0], theta[1], theta[2], null);
        if (!Double.isFinite(logLikelihood)) {
            throw new ModelFitException(NAME, Reason.NOT_CONVERGED, "the log-likelihood at the estimate is not finite");
        }
        return new GammaGammaModel(new GammaGammaParameters(theta[0], theta[1], theta[2], logLikelihood));
    }

    private static List<double[]> starts(double meanSpend) {
        List<double[]> starts = new ArrayList<>();
        for (double p : new double[] {1.0, 5.0}) {
            for (double q : new double[] {2.0, 5.0, 20.0}) {
                starts.add(new double[] {p, q, meanSpend * (q - 1) / p});
            }
        }
        return starts;
    }

    /** The parameters. */
    public GammaGammaParameters parameters() {
        return parameters;
    }

    /** The log-likelihood of the mean spends of these customers (those with {@code x >= 1} and {@code zbar > 0}). */
    public double logLikelihood(Collection<PurchaseSummary> summaries) {
        Checks.noNullElements(summaries, "summaries");
        List<PurchaseSummary> used = summaries.stream()
                .filter(s -> s.frequency() >= 1 && s.monetaryMean().orElse(0) > 0).toList();
        int[] x = used.stream().mapToInt(PurchaseSummary::frequency).toArray();
        double[] spend = used.stream().mapToDouble(s -> s.monetaryMean().orElseThrow()).toArray();
        GammaGammaParameters g = parameters;
        return GammaGammaLikelihood.of(x, spend).evaluate(g.p(), g.q(), g.gamma(), null);
    }

    /**
     * The expected value of the customer's future purchases given their history:
     * {@code (gamma + x·zbar)·p / (p·x + q − 1)}, a weighted mean of the population mean and {@code zbar}. For a
     * customer without repeat purchases or without known spend this is the population mean
     * {@link GammaGammaParameters#meanSpend()}.
     */
    public double conditionalExpectedSpend(PurchaseSummary summary) {
        Checks.notNull(summary, "summary");
        GammaGammaParameters g = parameters;
        if (summary.frequency() == 0 || summary.monetaryMean().isEmpty()) {
            return g.meanSpend();
        }
        int x = summary.frequency();
        return (g.gamma() + x * summary.monetaryMean().getAsDouble()) * g.p() / (g.p() * x + g.q() - 1);
    }

    @Override
    public String toString() {
        return NAME + parameters;
    }
}
