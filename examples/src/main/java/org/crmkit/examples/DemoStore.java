package org.crmkit.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.crmkit.Crm;
import org.crmkit.jpa.JpaStorageProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Where the demo keeps the web shop: {@code memory} (the default), {@code h2:PATH} (an embedded H2 file database at
 * PATH, made on first use) or a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/db}, user {@code postgres}
 * unless the URL names one). A database gets its schema from the migrations crm-jpa ships, applied with Flyway.
 *
 * @param url  the JDBC URL, or null for memory
 * @param user the database user
 */
record DemoStore(String url, String user) {
    static final DemoStore MEMORY = new DemoStore(null, null);
    /** Quiet libraries: their progress lines would bury the story (held here, as logging keeps loggers weakly). */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.flywaydb"),
            Logger.getLogger("org.hibernate"));

    /**
     * The store an option names.
     *
     * @throws IllegalArgumentException with a sentence for the user if the option names no store
     */
    static DemoStore parse(String option) {
        if (option.equals("memory")) {
            return MEMORY;
        } else if (option.startsWith("h2:") && option.length() > 3) {
            return new DemoStore("jdbc:h2:file:" + Path.of(option.substring(3)).toAbsolutePath(), "sa");
        } else if (option.startsWith("jdbc:postgresql:")) {
            return new DemoStore(option, "postgres");
        }
        throw new IllegalArgumentException("--store must be memory, h2:PATH or jdbc:postgresql://HOST:PORT/DB, not '"
                + option + "'");
    }

    boolean inMemory() {
        return url == null;
    }

    /** What the store is, for the demo's title. */
    String describe() {
        return inMemory() ? "the in-memory store" : url.startsWith("jdbc:h2:") ? "an H2 file database"
                : "PostgreSQL";
    }

    /**
     * Makes the database's schema current and points the builder at it; the in-memory store needs nothing.
     *
     * @throws IllegalStateException with a sentence for the user if the database cannot be reached or migrated
     */
    UnaryOperator<Crm.Builder> open() {
        if (inMemory()) {
            return b -> b;
        }
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
        String vendor = url.startsWith("jdbc:h2:") ? "h2" : "postgresql";
        try {
            Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration/" + vendor)
                    .load().migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("the database at " + url + " could not be prepared: "
                    + e.getMessage().lines().findFirst().orElse("no reason given"), e);
        }
        Map<String, String> properties = Map.of(JpaStorageProvider.URL, url,
                "jakarta.persistence.jdbc.user", user, "jakarta.persistence.jdbc.password", "");
        return b -> {
            b.storageProvider("jpa");
            properties.forEach(b::storageProperty);
            return b;
        };
    }
}
