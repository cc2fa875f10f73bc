package org.crmkit.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crmkit demo}: a small web shop embedding crmkit, on the in-memory default or a database. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a small web shop on crmkit's in-memory default: visitors, sign-ups, orders, "
                + "a duplicate merged, and a customer's 360-degree view.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--seed", description = "Seed of generated ids (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    private long seed;

    @Option(names = "--export", paramLabel = "FILE",
            description = "Also write Ann's 360-degree view as a JSON data-portability export to FILE.")
    private Path export;

    @Option(names = "--transactions", paramLabel = "FILE",
            description = "Run the analytics part on this purchase log (CSV with customer_id, date, amount, such as "
                    + "the CDNOW log) instead of generated purchases.")
    private Path transactions;

    @Option(names = "--store", paramLabel = "STORE", defaultValue = "memory",
            description = "Where the web shop keeps its customers: memory (default), h2:PATH (an embedded H2 file "
                    + "database; a second run finds the first run's customers) or "
                    + "jdbc:postgresql://HOST:PORT/DB.")
    private String store;

    @Override
    public Integer call() throws IOException {
        DemoStore where;
        try {
            where = DemoStore.parse(store);
        } catch (IllegalArgumentException e) {
            System.err.println("crmkit demo: " + e.getMessage());
            return 2;
        }
        WebShopDemo shop;
        try {
            shop = new WebShopDemo(seed, System.out, where);
        } catch (IllegalStateException e) {
            System.err.println("crmkit demo: " + e.getMessage());
            return 1;
        }
        try (shop) {
            shop.run(Optional.ofNullable(export));
        }
        System.out.println();
        try (PermissionDemo permission = new PermissionDemo(seed, System.out)) {
            permission.run();
        }
        System.out.println();
        new AnalyticsDemo(seed, System.out).run(Optional.ofNullable(transactions));
        return 0;
    }
}
