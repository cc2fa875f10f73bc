package org.crmkit.memory;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.tck.StorageContract;
import org.crmkit.spi.tck.StoreFeature;

class InMemoryStorageContractTest extends StorageContract {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.CUSTOMER_ERASURE, StoreFeature.INTERACTION_ERASURE,
                StoreFeature.LEDGER_ERASURE);
    }
}
