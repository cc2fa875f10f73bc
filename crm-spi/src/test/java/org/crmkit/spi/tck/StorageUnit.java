package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.crmkit.spi.storage.Storage;

/**
 * One unit of a random storage scenario: its steps, run in one {@link Storage#atomically} unit that an exception
 * after the last step undoes if {@code fails}.
 */
record StorageUnit(List<StorageOp> steps, boolean fails) {
    /** Thrown to undo a unit. */
    static final class Undone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undone() {
            super("the unit is undone on purpose", null, false, false);
        }
    }

    /**
     * Runs the unit against the storage and the model, skipping the steps that need an undeclared feature, and
     * returns the model as it is after the unit: changed by its steps if it committed, as before if it was undone.
     */
    StorageModel run(Storage storage, StorageModel model, Set<StoreFeature> features) {
        StorageModel before = model.copy();
        model.outbox.begin();
        Runnable work = () -> {
            for (StorageOp step : steps) {
                if (!step.needsUndeclared(features)) {
                    step.run(storage, model);
                }
            }
            if (fails) {
                throw new Undone();
            }
        };
        if (fails) {
            assertThatThrownBy(() -> storage.atomically(List.of(), work)).as(toString())
                    .isInstanceOf(Undone.class);
            return before;
        }
        storage.atomically(List.of(), work);
        model.outbox.commit();
        return model;
    }
}
