package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.tck.ScoreStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The score store on H2, against the whole contract. */
class H2ScoreStoreContractTest extends ScoreStoreContract {
    @Override
    protected ScoreStore newStore() {
        return JpaStorage.of(Databases.h2(), Databases.EVENTS).scores();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
