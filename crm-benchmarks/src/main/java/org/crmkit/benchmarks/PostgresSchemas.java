package org.crmkit.benchmarks;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.crmkit.jpa.JpaStorage;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL schemas of the benchmarks on the Jakarta Persistence adapter: database {@code test} at
 * 127.0.0.1:5432, user {@code postgres}, a schema of each benchmark's own, emptied and made again by the migrations
 * crm-jpa ships.
 */
final class PostgresSchemas {
    private PostgresSchemas() {
    }

    /** The JDBC URL of {@code schema}. */
    static String url(String schema) {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
    }

    /** Drops everything in {@code schema}, migrates it, and opens a factory of crm-jpa's persistence unit on it. */
    static EntityManagerFactory migrated(String schema) {
        Flyway flyway = Flyway.configure().dataSource(url(schema), "postgres", "").schemas(schema)
                .locations("classpath:db/migration/postgresql").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return JpaStorage.persistenceUnit()
                .property(PersistenceConfiguration.JDBC_URL, url(schema))
                .property(PersistenceConfiguration.JDBC_USER, "postgres")
                .property(PersistenceConfiguration.JDBC_PASSWORD, "")
                .property("hibernate.connection.pool_size", "8")
                .createEntityManagerFactory();
    }
}
