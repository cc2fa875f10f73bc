package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.tck.OutboxContract;
import org.crmkit.spi.tck.StoreFeature;

/** The outbox on PostgreSQL, against the whole contract. */
class PostgresOutboxContractTest extends OutboxContract {
    @Override
    protected Outbox newStore() {
        return JpaStorage.of(Databases.postgres(), Databases.EVENTS).outbox();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
