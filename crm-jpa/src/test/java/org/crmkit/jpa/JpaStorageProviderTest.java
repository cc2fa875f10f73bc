package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.Crm;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.Person;
import org.junit.jupiter.api.Test;

/** The {@code jpa} provider, discovered by {@code Crm.builder()}: an engine restarted on it finds what was written. */
class JpaStorageProviderTest {
    static final TenantId T = TenantId.of("provider");
    static final String URL = "jdbc:h2:mem:crmkit;DB_CLOSE_DELAY=-1";

    private static Crm open() {
        return Crm.builder().storageProvider("jpa").storageProperty(JpaStorageProvider.URL, URL)
                .storageProperty("jakarta.persistence.jdbc.user", "sa").eventRelayThread(false).build();
    }

    @Test
    void anEngineOpenedAgainOnTheProvider_findsWhatTheFirstWrote() {
        Databases.h2();
        Customer ann;
        try (Crm first = open()) {
            ann = first.customers().register(T, Person.named("Ann", "Lee"), x -> x.tag("vip"));
            assertThat(first.storage()).isInstanceOf(JpaStorage.class);
        }
        try (Crm second = open()) {
            assertThat(second.customers().find(T, ann.id())).contains(ann);
        }
    }

    @Test
    void withoutAUrl_theProviderSaysWhichPropertyIsMissing() {
        assertThatThrownBy(() -> Crm.builder().storageProvider("jpa").eventRelayThread(false).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining(JpaStorageProvider.URL);
    }
}
