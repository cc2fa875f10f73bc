package org.crmkit.memory;

import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.tck.InteractionStoreContract;

class InMemoryInteractionStoreContractTest extends InteractionStoreContract {
    @Override
    protected InteractionStore newStore() {
        return new InMemoryInteractionStore();
    }
}
