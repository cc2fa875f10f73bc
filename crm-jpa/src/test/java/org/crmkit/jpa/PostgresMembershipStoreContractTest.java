package org.crmkit.jpa;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.tck.MembershipStoreContract;
import org.crmkit.spi.tck.StoreFeature;

/** The membership store on PostgreSQL, against the whole contract. */
class PostgresMembershipStoreContractTest extends MembershipStoreContract {
    @Override
    protected MembershipStore newStore() {
        return JpaStorage.of(Databases.postgres(), Databases.EVENTS).memberships();
    }

    @Override
    protected Set<StoreFeature> features() {
        return EnumSet.noneOf(StoreFeature.class);
    }
}
