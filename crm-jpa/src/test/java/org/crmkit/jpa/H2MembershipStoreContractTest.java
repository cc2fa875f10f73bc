package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.tck.MembershipStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The membership store on H2, against the whole contract. */
class H2MembershipStoreContractTest extends MembershipStoreContract {
    @Override
    protected MembershipStore newStore() {
        return JpaStorage.of(Databases.h2(), Databases.EVENTS).memberships();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
