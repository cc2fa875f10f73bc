package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.MembershipStore;

/**
 * One step of a random membership-store scenario, over the indexes of {@link MembershipModel}'s universe. The model
 * predicts each result.
 */
sealed interface MembershipOp {
    void run(MembershipStore store, MembershipModel model);

    record Enter(int tenant, int segment, int customer, int minute) implements MembershipOp {
        @Override
        public void run(MembershipStore store, MembershipModel model) {
            TenantId t = MembershipModel.tenant(tenant);
            String s = MembershipModel.segment(segment);
            CustomerId c = MembershipModel.customer(customer);
            Instant since = Fixtures.T0.plusSeconds(60L * minute);
            assertThat(store.enter(t, s, c, since)).as(toString()).isEqualTo(model.enter(t, s, c, since));
        }
    }

    record Leave(int tenant, int segment, int customer) implements MembershipOp {
        @Override
        public void run(MembershipStore store, MembershipModel model) {
            TenantId t = MembershipModel.tenant(tenant);
            String s = MembershipModel.segment(segment);
            CustomerId c = MembershipModel.customer(customer);
            assertThat(store.leave(t, s, c)).as(toString()).isEqualTo(model.leave(t, s, c));
        }
    }

    /** Takes a customer out of every segment. */
    record Remove(int tenant, int customer) implements MembershipOp {
        @Override
        public void run(MembershipStore store, MembershipModel model) {
            TenantId t = MembershipModel.tenant(tenant);
            CustomerId c = MembershipModel.customer(customer);
            assertThat(store.remove(t, c)).as(toString()).isEqualTo(model.remove(t, c));
        }
    }

    record Clear(int tenant, int segment) implements MembershipOp {
        @Override
        public void run(MembershipStore store, MembershipModel model) {
            TenantId t = MembershipModel.tenant(tenant);
            String s = MembershipModel.segment(segment);
            assertThat(store.clear(t, s)).as(toString()).isEqualTo(model.clear(t, s));
        }
    }

    /** Schedules (minute 0 to 5) or clears (a negative minute) a customer's review. */
    record ScheduleReview(int tenant, int customer, int minute) implements MembershipOp {
        @Override
        public void run(MembershipStore store, MembershipModel model) {
            TenantId t = MembershipModel.tenant(tenant);
            CustomerId c = MembershipModel.customer(customer);
            Optional<Instant> at = minute < 0 ? Optional.empty() : Optional.of(Fixtures.T0.plusSeconds(60L * minute));
            assertThat(store.scheduleReview(t, c, at)).as(toString()).isEqualTo(model.scheduleReview(t, c, at));
        }
    }

    /** Reads the reviews due at a minute, at most {@code limit}. */
    record DueForReview(int tenant, int minute, int limit) implements MembershipOp {
        @Override
        public void run(MembershipStore store, MembershipModel model) {
            TenantId t = MembershipModel.tenant(tenant);
            Instant now = Fixtures.T0.plusSeconds(60L * minute);
            assertThat(store.dueForReview(t, now, limit)).as(toString())
                    .containsExactlyElementsOf(model.dueForReview(t, now, limit));
        }
    }
}
