package org.crmkit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.storage.ForwardingStorage;
import org.junit.jupiter.api.Test;

class ErasureRefusalTest {
    @Test
    void erase_onAStoreWithoutTheCapability_isRefusedAndErasesNothing() {
        TenantId t = TenantId.of("t1");
        Crm crm = Crm.builder().storage(new ForwardingStorage(new InMemoryStorage()) {
            private final CustomerStore customers = CachingCustomerStore.of(new CountingCustomerStore());

            @Override
            public CustomerStore customers() {
                return customers;
            }
        }).build();
        Customer ann = crm.customers().register(t, Person.named("Ann", "Lee"), b -> b);

        assertThatThrownBy(() -> crm.customers().erase(t, ann.id()))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("customer erasure");
        assertThat(crm.customers().find(t, ann.id())).contains(ann);
    }
}
