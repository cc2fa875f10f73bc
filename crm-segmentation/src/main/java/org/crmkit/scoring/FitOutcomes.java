package org.crmkit.scoring;

import org.crmkit.scoring.ModelFitException.Reason;
import org.crmkit.scoring.internal.LogScaleFit;

/** Turns an optimiser outcome into parameters or the {@link ModelFitException} that explains it. */
final class FitOutcomes {
    private FitOutcomes() {
    }

    static double[] parameters(String model, LogScaleFit.Outcome outcome, String[] names) {
        if (outcome instanceof LogScaleFit.Found found) {
            for (int i = 0; i < names.length; i++) {
                if (!Double.isFinite(found.parameters()[i])) {
                    throw new ModelFitException(model, Reason.NOT_CONVERGED, names[i] + " is not finite");
                }
            }
            return found.parameters();
        }
        if (outcome instanceof LogScaleFit.Diverged diverged) {
            throw new ModelFitException(model, Reason.DEGENERATE_ESTIMATE, "the likelihood keeps growing as "
                    + names[diverged.index()] + (diverged.towardsZero() ? " goes to 0" : " goes to infinity")
                    + "; the data cannot identify the model");
        }
        LogScaleFit.Failed failed = (LogScaleFit.Failed) outcome;
        throw new ModelFitException(model, Reason.NOT_CONVERGED,
                "no maximum found from any starting point (gradient norm " + failed.gradientNorm() + ")");
    }
}
