package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.examples.ExamplesTest.captured;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code demo --store}: on an H2 file database a second run finds the first run's customers. */
class DemoStoreTest {
    @Test
    void aSecondRunOnAnH2File_findsTheFirstRunsCustomers(@TempDir Path dir) {
        String store = "h2:" + dir.resolve("crm-data");
        String first = captured(() -> assertThat(new CommandLine(new CrmkitCommand()).execute("demo", "--store",
                store)).isZero());
        String second = captured(() -> assertThat(new CommandLine(new CrmkitCommand()).execute("demo", "--store",
                store)).isZero());
        assertThat(first).contains("on an H2 file database", "== 360-degree view of Ann Lee")
                .doesNotContain("The store keeps");
        assertThat(second).contains("The store keeps run 1's 4 customers: Ann Lee, Bob Meyer, Carla Ruiz",
                "This is run 2, in tenant espresso-shop-2.", "== 360-degree view of Ann Lee", "Orders:       2");
    }

    @Test
    void anUnknownStore_isRefusedWithTheForms() {
        assertThatThrownBy(() -> DemoStore.parse("mongo:x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory, h2:PATH or jdbc:postgresql://");
        assertThat(DemoStore.parse("memory").inMemory()).isTrue();
        assertThat(DemoStore.parse("jdbc:postgresql://127.0.0.1:5432/test").url())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    }
}
