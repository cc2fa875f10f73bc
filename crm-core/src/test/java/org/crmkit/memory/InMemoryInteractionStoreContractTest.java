package org.crmkit.memory;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.tck.InteractionStoreContract;
import org.crmkit.spi.tck.StoreFeature;

class InMemoryInteractionStoreContractTest extends InteractionStoreContract {
    @Override
    protected InteractionStore newStore() {
        return new InMemoryInteractionStore();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.INTERACTION_ERASURE);
    }
}
