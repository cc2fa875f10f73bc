package org.crmkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class CrmBuilderTest {
    @Test
    void build_withNothingSet_usesAnInMemoryStorage() {
        try (Crm crm = Crm.builder().build()) {
            assertThat(crm.storage()).isInstanceOf(InMemoryStorage.class);
        }
    }

    @Test
    void anExplicitStorage_isUsed() {
        Storage mine = new InMemoryStorage();
        try (Crm crm = Crm.builder().storage(mine).build()) {
            assertThat(crm.storage()).isSameAs(mine);
        }
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
