package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.tck.CustomerStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The customer store on H2, against the whole customer contract. */
class H2CustomerStoreContractTest extends CustomerStoreContract {
    @Override
    protected CustomerStore newStore() {
        return JpaStorage.of(Databases.h2(), Databases.EVENTS).customers();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.CUSTOMER_ERASURE);
    }
}
