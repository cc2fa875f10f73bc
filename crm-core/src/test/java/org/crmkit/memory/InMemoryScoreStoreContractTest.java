package org.crmkit.memory;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.tck.ScoreStoreContract;
import org.crmkit.spi.tck.StoreFeature;

class InMemoryScoreStoreContractTest extends ScoreStoreContract {
    @Override
    protected ScoreStore newStore() {
        return new InMemoryScoreStore();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
