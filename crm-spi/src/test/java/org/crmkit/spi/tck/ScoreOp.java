package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.score.ScoreStore;

/**
 * One step of a random score-store scenario, over the indexes of {@link ScoreModel}'s universe. The model predicts
 * the outcome and changes only when the store call succeeded.
 */
sealed interface ScoreOp {
    void run(ScoreStore store, ScoreModel model);

    /** Puts the scores of the given name indexes, each with the value and minute of the same position. */
    record Put(int tenant, int customer, List<Integer> names, int value, int minute) implements ScoreOp {
        @Override
        public void run(ScoreStore store, ScoreModel model) {
            TenantId t = ScoreModel.tenant(tenant);
            CustomerId c = ScoreModel.customer(customer);
            List<Score> scores = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                scores.add(ScoreModel.score(names.get(k), value + k, minute));
            }
            if (names.stream().distinct().count() < names.size()) {
                assertThatThrownBy(() -> store.put(t, c, scores)).as(toString())
                        .isInstanceOf(ValidationException.class);
                return;
            }
            store.put(t, c, scores);
            model.put(t, c, scores);
        }
    }

    record Remove(int tenant, int customer) implements ScoreOp {
        @Override
        public void run(ScoreStore store, ScoreModel model) {
            TenantId t = ScoreModel.tenant(tenant);
            CustomerId c = ScoreModel.customer(customer);
            assertThat(store.remove(t, c)).as(toString()).isEqualTo(model.remove(t, c));
        }
    }
}
