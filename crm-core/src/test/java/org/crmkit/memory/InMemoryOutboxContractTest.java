package org.crmkit.memory;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.tck.OutboxContract;
import org.crmkit.spi.tck.StoreFeature;

class InMemoryOutboxContractTest extends OutboxContract {
    @Override
    protected Outbox newStore() {
        return new InMemoryOutbox();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
