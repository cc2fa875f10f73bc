package org.crmkit.cache;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.tck.CustomerStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The caching store over a delegate without erasure: the contract, checking that erasure is not offered. */
class CachingNonErasingCustomerStoreContractTest extends CustomerStoreContract {
    @Override
    protected CustomerStore newStore() {
        return CachingCustomerStore.builder(new CountingCustomerStore()).maximumSize(64).build();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
