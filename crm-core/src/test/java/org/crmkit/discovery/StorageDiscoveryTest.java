package org.crmkit.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.storage.StorageConfiguration;
import org.crmkit.spi.storage.StorageProvider;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageDiscoveryTest {
    /** What the providers were last asked for: the configuration, and the storage they opened. */
    static final AtomicReference<StorageConfiguration> OPENED_WITH = new AtomicReference<>();
    static final AtomicReference<Storage> OPENED = new AtomicReference<>();

    public static final class Alpha implements StorageProvider {
        @Override
        public String name() {
            return "alpha";
        }

        @Override
        public Storage open(StorageConfiguration configuration) {
            OPENED_WITH.set(configuration);
            Storage s = new InMemoryStorage();
            OPENED.set(s);
            return s;
        }
    }

    public static final class Beta implements StorageProvider {
        @Override
        public String name() {
            return "beta";
        }

        @Override
        public Storage open(StorageConfiguration configuration) {
            return new InMemoryStorage();
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
    void oneDiscoveredProvider_isOpenedWithTheProperties_andUsed() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Crm crm = withProviders(() -> Crm.builder().clock(clock).storageProperty("jdbc.url", "jdbc:h2:mem:x")
                .build(), Alpha.class)) {
            assertThat(crm.storage()).isSameAs(OPENED.get());
            assertThat(OPENED_WITH.get().require("jdbc.url")).isEqualTo("jdbc:h2:mem:x");
            assertThat(OPENED_WITH.get().clock()).isSameAs(clock);
        }
    }

    @Test
    void twoDiscoveredProviders_withoutAChoice_areAnError() {
        assertThatThrownBy(() -> withProviders(() -> Crm.builder().storageProperty("jdbc.url", "jdbc:h2:mem:x")
                .build(), Alpha.class, Beta.class))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.reason()).contains("alpha, beta"));
    }

    @Test
    void twoDiscoveredProviders_oneChosenByName_isUsed() throws Exception {
        try (Crm crm = withProviders(() -> Crm.builder().storageProvider("alpha").build(), Alpha.class,
                Beta.class)) {
            assertThat(crm.storage()).isSameAs(OPENED.get());
        }
    }

    @Test
    void aDiscoveredProvider_neitherNamedNorConfigured_leavesTheInMemoryDefault() throws Exception {
        try (Crm crm = withProviders(() -> Crm.builder().build(), Alpha.class, Beta.class)) {
            assertThat(crm.storage()).isInstanceOf(InMemoryStorage.class);
        }
    }

    @Test
    void anExplicitStorage_winsOverDiscovery() throws Exception {
        Storage mine = new InMemoryStorage();
        try (Crm crm = withProviders(() -> Crm.builder().storage(mine).build(), Alpha.class, Beta.class)) {
            assertThat(crm.storage()).isSameAs(mine);
        }
    }
}
