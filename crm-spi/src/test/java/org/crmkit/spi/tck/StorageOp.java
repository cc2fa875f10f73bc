package org.crmkit.spi.tck;

import java.util.Set;

import org.crmkit.spi.storage.Storage;

/** One step of a random storage scenario: an operation on one of the storage's ports and that port's model. */
sealed interface StorageOp {
    void run(Storage storage, StorageModel model);

    /** Whether the step needs a feature the storage does not declare. */
    default boolean needsUndeclared(Set<StoreFeature> features) {
        return false;
    }

    record OnCustomers(CustomerOp op) implements StorageOp {
        @Override
        public void run(Storage storage, StorageModel model) {
            op.run(storage.customers(), model.customers);
        }

        @Override
        public boolean needsUndeclared(Set<StoreFeature> features) {
            return op instanceof CustomerOp.Erase && !features.contains(StoreFeature.CUSTOMER_ERASURE);
        }
    }

    record OnInteractions(InteractionOp op) implements StorageOp {
        @Override
        public void run(Storage storage, StorageModel model) {
            op.run(storage.interactions(), model.interactions);
        }

        @Override
        public boolean needsUndeclared(Set<StoreFeature> features) {
            return op instanceof InteractionOp.Erase && !features.contains(StoreFeature.INTERACTION_ERASURE);
        }
    }

    record OnScores(ScoreOp op) implements StorageOp {
        @Override
        public void run(Storage storage, StorageModel model) {
            op.run(storage.scores(), model.scores);
        }
    }

    record OnMemberships(MembershipOp op) implements StorageOp {
        @Override
        public void run(Storage storage, StorageModel model) {
            op.run(storage.memberships(), model.memberships);
        }
    }

    record OnOutbox(OutboxOp op) implements StorageOp {
        @Override
        public void run(Storage storage, StorageModel model) {
            op.run(storage.outbox(), model.outbox);
        }
    }
}
