package org.crmkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.crmkit.memory.InMemoryCustomerStore;
import org.crmkit.memory.InMemoryInteractionStore;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class CrmBuilderTest {
    @Test
    void build_withNothingSet_usesInMemoryStores() {
        Crm crm = Crm.builder().build();
        assertThat(crm.customerStore()).isInstanceOf(InMemoryCustomerStore.class);
        assertThat(crm.interactionStore()).isInstanceOf(InMemoryInteractionStore.class);
    }

    @Test
    void explicitStores_areUsed() {
        InMemoryCustomerStore customers = new InMemoryCustomerStore();
        InMemoryInteractionStore interactions = new InMemoryInteractionStore();
        Crm crm = Crm.builder().customerStore(customers).interactionStore(interactions).build();
        assertThat(crm.customerStore()).isSameAs(customers);
        assertThat(crm.interactionStore()).isSameAs(interactions);
    }

    @Test
    void anOptionSetTwice_failsInTheSetter() {
        Crm.Builder builder = Crm.builder().clock(Clock.systemUTC());
        assertThatThrownBy(() -> builder.clock(Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock");
    }

    @Test
    void anUnknownPhoneRegion_failsInTheSetter() {
        assertThatThrownBy(() -> Crm.builder().defaultPhoneRegion("XX"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("defaultPhoneRegion"));
    }

    @Test
    void anUnknownStorageProvider_failsWhenBuilding() {
        assertThatThrownBy(() -> Crm.builder().storageProvider("nope").build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.reason()).contains("nope"));
    }

    @Test
    void aStorageProviderNameWithALineBreak_failsInTheSetter() {
        assertThatThrownBy(() -> Crm.builder().storageProvider("jpa\r\n"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("storageProvider"));
    }
}
