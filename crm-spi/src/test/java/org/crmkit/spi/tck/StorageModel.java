package org.crmkit.spi.tck;

import org.crmkit.spi.storage.Storage;

/**
 * The reference model of a whole storage: the models of its ports. A unit that commits keeps what its operations
 * did to them; one that is undone restores the copy taken when it started.
 */
final class StorageModel {
    final CustomerModel customers;
    final InteractionModel interactions;
    final ScoreModel scores;
    final MembershipModel memberships;
    final OutboxModel outbox;

    StorageModel() {
        this(new CustomerModel(), new InteractionModel(), new ScoreModel(), new MembershipModel(), new OutboxModel());
    }

    private StorageModel(CustomerModel customers, InteractionModel interactions, ScoreModel scores,
                         MembershipModel memberships, OutboxModel outbox) {
        this.customers = customers;
        this.interactions = interactions;
        this.scores = scores;
        this.memberships = memberships;
        this.outbox = outbox;
    }

    StorageModel copy() {
        return new StorageModel(customers.copy(), interactions.copy(), scores.copy(), memberships.copy(),
                outbox.copy());
    }

    /** Asserts that every port of {@code storage} answers as its model does. */
    void assertSameAs(Storage storage) {
        customers.assertSameAs(storage.customers());
        interactions.assertSameAs(storage.interactions());
        scores.assertSameAs(storage.scores());
        memberships.assertSameAs(storage.memberships());
        outbox.assertSameAs(storage.outbox());
    }
}
