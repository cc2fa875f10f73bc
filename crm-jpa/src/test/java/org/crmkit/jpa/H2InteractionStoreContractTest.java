package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.tck.InteractionStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The interaction store on H2, against the whole interaction contract. */
class H2InteractionStoreContractTest extends InteractionStoreContract {
    @Override
    protected InteractionStore newStore() {
        return JpaStorage.of(Databases.h2(), Databases.EVENTS).interactions();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.INTERACTION_ERASURE);
    }
}
