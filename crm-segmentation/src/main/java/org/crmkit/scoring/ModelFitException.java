package org.crmkit.scoring;

import static java.util.Objects.requireNonNull;

import org.crmkit.spi.CrmException;

/**
 * A model could not be fitted to the data given: the data cannot identify the parameters, or the optimiser found no
 * finite maximum of the likelihood. {@link #reason()} says which, {@link #model()} names the model. No parameters are
 * returned in that case, never non-finite ones.
 */
public final class ModelFitException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** Why the fit failed. */
    public enum Reason {
        /** No customers at all. */
        NO_CUSTOMERS,
        /** Fewer customers than the model needs to separate its parameters. */
        TOO_FEW_CUSTOMERS,
        /** No customer made a repeat purchase (or, for Gamma-Gamma, none with a positive mean spend). */
        NO_REPEAT_PURCHASES,
        /** Every customer was observed for zero weeks: all purchases fell on the last day. */
        NO_OBSERVATION_TIME,
        /** The likelihood grows without bound as a parameter runs to zero or infinity, or the estimate is unusable. */
        DEGENERATE_ESTIMATE,
        /** The optimiser stopped before it found a maximum. */
        NOT_CONVERGED
    }

    private final String model;
    private final Reason reason;

    /**
     * @param model  the model, for example {@code BG/NBD}
     * @param reason why the fit failed
     * @param detail a sentence for the message
     */
    public ModelFitException(String model, Reason reason, String detail) {
        super(requireNonNull(model, "model") + " fit failed (" + requireNonNull(reason, "reason") + "): "
                + requireNonNull(detail, "detail"));
        this.model = model;
        this.reason = reason;
    }

    /** The model that could not be fitted. */
    public String model() {
        return model;
    }

    /** Why the fit failed. */
    public Reason reason() {
        return reason;
    }
}
