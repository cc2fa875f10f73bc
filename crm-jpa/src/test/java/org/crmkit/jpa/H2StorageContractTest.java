package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.tck.StorageContract;
import org.crmkit.spi.tck.StoreFeature;

/** The whole storage on H2: units, locks and after-commit actions over every port. */
class H2StorageContractTest extends StorageContract {
    @Override
    protected Storage newStorage() {
        return JpaStorage.of(Databases.h2(), Databases.EVENTS);
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.CUSTOMER_ERASURE, StoreFeature.INTERACTION_ERASURE,
                StoreFeature.LEDGER_ERASURE);
    }
}
