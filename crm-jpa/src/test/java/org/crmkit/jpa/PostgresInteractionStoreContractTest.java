package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.tck.InteractionStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The interaction store on Postgres, against the whole interaction contract. */
class PostgresInteractionStoreContractTest extends InteractionStoreContract {
    @Override
    protected InteractionStore newStore() {
        return JpaStorage.of(Databases.postgres(), Databases.EVENTS).interactions();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.INTERACTION_ERASURE);
    }
}
