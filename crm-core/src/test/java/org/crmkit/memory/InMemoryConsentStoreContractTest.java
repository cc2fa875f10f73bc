package org.crmkit.memory;

import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.tck.consent.ConsentStoreContract;

class InMemoryConsentStoreContractTest extends ConsentStoreContract {
    @Override
    protected ConsentStore newStore() {
        return new InMemoryConsentStore();
    }
}
