package org.crmkit.scoring;

import org.crmkit.spi.ValidationException;

/**
 * Fitted parameters of the {@link BgNbdModel BG/NBD model}. Purchase rates {@code λ} are Gamma distributed with shape
 * {@code r} and rate {@code alpha} (in weeks, so the mean rate is {@code r / alpha} purchases a week); drop-out
 * probabilities {@code p} are Beta distributed with shapes {@code a} and {@code b}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param r             shape of the purchase-rate distribution, {@code > 0}
 * @param alpha         rate (scale in weeks) of the purchase-rate distribution, {@code > 0}
 * @param a             first shape of the drop-out distribution, {@code > 0}
 * @param b             second shape of the drop-out distribution, {@code > 0}
 * @param logLikelihood the log-likelihood of the data the parameters were fitted to, finite
 */
public record BgNbdParameters(double r, double alpha, double a, double b, double logLikelihood) {
    public BgNbdParameters {
        positive(r, "r");
        positive(alpha, "alpha");
        positive(a, "a");
        positive(b, "b");
        if (!Double.isFinite(logLikelihood)) {
            throw new ValidationException("logLikelihood", "must be a finite number");
        }
    }

    static void positive(double value, String field) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new ValidationException(field, "must be a finite positive number");
        }
    }
}
