package org.crmkit.memory;

import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.tck.CustomerStoreContract;

class InMemoryCustomerStoreContractTest extends CustomerStoreContract {
    @Override
    protected CustomerStore newStore() {
        return new InMemoryCustomerStore();
    }
}
