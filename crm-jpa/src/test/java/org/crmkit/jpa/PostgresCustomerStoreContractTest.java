package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.tck.CustomerStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The customer store on Postgres, against the whole customer contract. */
class PostgresCustomerStoreContractTest extends CustomerStoreContract {
    @Override
    protected CustomerStore newStore() {
        return JpaStorage.of(Databases.postgres(), Databases.EVENTS).customers();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.CUSTOMER_ERASURE);
    }
}
