package org.crmkit.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryCustomerStore;
import org.crmkit.memory.InMemoryInteractionStore;
import org.crmkit.spi.StorageProvider;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.interaction.InteractionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageDiscoveryTest {
    static final CustomerStore ALPHA_CUSTOMERS = new InMemoryCustomerStore();
    static final InteractionStore ALPHA_INTERACTIONS = new InMemoryInteractionStore();

    public static final class Alpha implements StorageProvider {
        @Override
        public String name() {
            return "alpha";
        }

        @Override
        public CustomerStore customerStore() {
            return ALPHA_CUSTOMERS;
        }

        @Override
        public InteractionStore interactionStore() {
            return ALPHA_INTERACTIONS;
        }
    }

    public static final class Beta implements StorageProvider {
        @Override
        public String name() {
            return "beta";
        }

        @Override
        public CustomerStore customerStore() {
            return new InMemoryCustomerStore();
        }

        @Override
        public InteractionStore interactionStore() {
            return new InMemoryInteractionStore();
        }
    }

    @TempDir
    Path dir;

    <T> T withProviders(Supplier<T> action, Class<?>... providers) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> p : providers) {
            lines.append(p.getName()).append('\n');
        }
        Files.writeString(services.resolve(StorageProvider.class.getName()), lines);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            return action.get();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void oneDiscoveredProvider_isUsed() throws Exception {
        Crm crm = withProviders(() -> Crm.builder().build(), Alpha.class);
        assertThat(crm.customerStore()).isSameAs(ALPHA_CUSTOMERS);
        assertThat(crm.interactionStore()).isSameAs(ALPHA_INTERACTIONS);
    }

    @Test
    void twoDiscoveredProviders_withoutAChoice_areAnError() {
        assertThatThrownBy(() -> withProviders(() -> Crm.builder().build(), Alpha.class, Beta.class))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.reason()).contains("alpha, beta"));
    }

    @Test
    void twoDiscoveredProviders_oneChosenByName_isUsed() throws Exception {
        Crm crm = withProviders(() -> Crm.builder().storageProvider("alpha").build(), Alpha.class, Beta.class);
        assertThat(crm.customerStore()).isSameAs(ALPHA_CUSTOMERS);
    }

    @Test
    void explicitStores_winOverDiscovery() throws Exception {
        InMemoryCustomerStore mine = new InMemoryCustomerStore();
        InMemoryInteractionStore mineToo = new InMemoryInteractionStore();
        Crm crm = withProviders(() -> Crm.builder().customerStore(mine).interactionStore(mineToo).build(),
                Alpha.class, Beta.class);
        assertThat(crm.customerStore()).isSameAs(mine);
    }
}
