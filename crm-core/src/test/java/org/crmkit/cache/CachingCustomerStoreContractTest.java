package org.crmkit.cache;

import org.crmkit.memory.InMemoryCustomerStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.tck.CustomerStoreContract;

/** The caching store over an erasing delegate: the full contract, erasure included. */
class CachingCustomerStoreContractTest extends CustomerStoreContract {
    @Override
    protected CustomerStore newStore() {
        return CachingCustomerStore.builder(new InMemoryCustomerStore()).maximumSize(64).build();
    }
}
