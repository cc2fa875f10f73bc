package org.crmkit.memory;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.tck.MembershipStoreContract;
import org.crmkit.spi.tck.StoreFeature;

class InMemoryMembershipStoreContractTest extends MembershipStoreContract {
    @Override
    protected MembershipStore newStore() {
        return new InMemoryMembershipStore();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
