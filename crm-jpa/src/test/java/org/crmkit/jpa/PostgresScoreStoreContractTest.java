package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.tck.ScoreStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The score store on PostgreSQL, against the whole contract. */
class PostgresScoreStoreContractTest extends ScoreStoreContract {
    @Override
    protected ScoreStore newStore() {
        return JpaStorage.of(Databases.postgres(), Databases.EVENTS).scores();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
