package org.crmkit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.segment.SegmentQueryCapability;
import org.crmkit.spi.storage.ForwardingStorage;
import org.junit.jupiter.api.Test;

/**
 * An engine with a customer cache still pushes segments down to a store that evaluates them itself: the cache passes
 * the capability through (it used to hide it, and segments fell back to a full in-memory scan).
 */
class CachedPushdownTest {
    @Test
    void segmentsArePushedDownToTheStore_throughTheCustomerCache() {
        SegmentQueryCapability query = (tenant, segment, now, zone, scores) -> Set.of(CustomerId.of("c-from-sql"));
        CustomerStore querying = CountingCustomerStore.answering(query);
        try (Crm crm = Crm.builder().storage(new ForwardingStorage(new InMemoryStorage()) {
            @Override
            public CustomerStore customers() {
                return querying;
            }
        }).customerCache(100).eventRelayThread(false).build()) {
            assertThat(crm.storage().customers()).isInstanceOf(CachingCustomerStore.class);
            crm.analytics().catalog(TenantId.of("t")).define("anyone", "count(order_placed) >= 0");

            assertThat(crm.analytics().members(TenantId.of("t"), "anyone")).containsExactly(CustomerId.of("c-from-sql"));
        }
    }
}
