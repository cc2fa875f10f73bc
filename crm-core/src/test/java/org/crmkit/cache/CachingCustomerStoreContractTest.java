package org.crmkit.cache;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.memory.InMemoryCustomerStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.tck.CustomerStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The caching store over an erasing delegate: the full contract, erasure included. */
class CachingCustomerStoreContractTest extends CustomerStoreContract {
    @Override
    protected CustomerStore newStore() {
        return CachingCustomerStore.builder(new InMemoryCustomerStore()).maximumSize(64).build();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.CUSTOMER_ERASURE);
    }
}
