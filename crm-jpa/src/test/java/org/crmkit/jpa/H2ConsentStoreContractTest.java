package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.tck.StoreFeature;
import org.crmkit.spi.tck.consent.ConsentStoreContract;

/** The consent ledger on H2, against the whole contract (with erasure), and the suppression list of
 * the same storage. */
class H2ConsentStoreContractTest extends ConsentStoreContract {
    private JpaStorage storage;

    @Override
    protected ConsentStore newStore() {
        storage = JpaStorage.of(Databases.h2(), Databases.EVENTS);
        return storage.consents();
    }

    @Override
    protected Optional<SuppressionStore> suppressionStore() {
        return Optional.of(storage.suppressions());
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.of(StoreFeature.LEDGER_ERASURE);
    }
}
