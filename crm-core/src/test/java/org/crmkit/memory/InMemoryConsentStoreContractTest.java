package org.crmkit.memory;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.tck.StoreFeature;
import org.crmkit.spi.tck.consent.ConsentStoreContract;

class InMemoryConsentStoreContractTest extends ConsentStoreContract {
    @Override
    protected ConsentStore newStore() {
        return new InMemoryConsentStore();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.LEDGER_ERASURE);
    }
}
