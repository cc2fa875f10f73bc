package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.tck.OutboxContract;
import org.crmkit.spi.tck.StoreFeature;

/** The outbox on H2, against the whole contract. */
class H2OutboxContractTest extends OutboxContract {
    @Override
    protected Outbox newStore() {
        return JpaStorage.of(Databases.h2(), Databases.EVENTS).outbox();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
