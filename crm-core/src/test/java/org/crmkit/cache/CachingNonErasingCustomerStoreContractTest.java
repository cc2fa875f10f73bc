package org.crmkit.cache;

import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.tck.CustomerStoreContract;

/** The caching store over a delegate without erasure: the contract, checking that erasure is not offered. */
class CachingNonErasingCustomerStoreContractTest extends CustomerStoreContract {
    @Override
    protected CustomerStore newStore() {
        return CachingCustomerStore.builder(new CountingCustomerStore()).maximumSize(64).build();
    }
}
