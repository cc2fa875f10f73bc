package org.crmkit.scoring;

import org.crmkit.spi.ValidationException;

/**
 * Fitted parameters of the {@link GammaGammaModel Gamma-Gamma spend model}. Each purchase's value is Gamma
 * distributed with shape {@code p} and a customer-specific rate {@code ν}, which is Gamma distributed across
 * customers with shape {@code q} and rate {@code gamma}. The mean value of a purchase is
 * {@code p·gamma / (q − 1)}, which exists only for {@code q > 1}; crmkit requires it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param p             shape of a customer's spend distribution, {@code > 0}
 * @param q             shape of the spend-rate distribution across customers, {@code > 1}
 * @param gamma         rate of the spend-rate distribution across customers (in currency units), {@code > 0}
 * @param logLikelihood the log-likelihood of the data the parameters were fitted to, finite
 */
public record GammaGammaParameters(double p, double q, double gamma, double logLikelihood) {
    public GammaGammaParameters {
        BgNbdParameters.positive(p, "p");
        BgNbdParameters.positive(gamma, "gamma");
        if (!Double.isFinite(q) || q <= 1) {
            throw new ValidationException("q", "must be a finite number > 1 (else mean spend is infinite)");
        }
        if (!Double.isFinite(logLikelihood)) {
            throw new ValidationException("logLikelihood", "must be a finite number");
        }
    }

    /** The population mean value of a purchase, {@code p·gamma / (q − 1)}. */
    public double meanSpend() {
        return p * gamma / (q - 1);
    }
}
