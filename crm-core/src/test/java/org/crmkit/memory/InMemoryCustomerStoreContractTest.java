package org.crmkit.memory;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.tck.CustomerStoreContract;
import org.crmkit.spi.tck.StoreFeature;

class InMemoryCustomerStoreContractTest extends CustomerStoreContract {
    @Override
    protected CustomerStore newStore() {
        return new InMemoryCustomerStore();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.CUSTOMER_ERASURE);
    }
}
