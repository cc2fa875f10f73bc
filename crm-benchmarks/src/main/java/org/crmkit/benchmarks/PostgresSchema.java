package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.crmkit.jpa.JpaStorage;
import org.flywaydb.core.Flyway;

/**
 * A benchmark's own schema in the PostgreSQL database {@code test} at 127.0.0.1:5432 (user {@code postgres}, no
 * password): made afresh by the migrations crm-jpa ships, and, for a benchmark that loads a large base once, the table
 * {@code bench_base} whose first two columns, {@code size} and {@code seed}, say which base the schema holds, so
 * that later runs find it in place. Stateless.
 */
public final class PostgresSchema {
    private PostgresSchema() {
    }

    /** The JDBC URL of the database, with {@code schema} as the current schema. */
    public static String url(String schema) {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
    }

    /** Drops everything in {@code schema}, then applies crm-jpa's migrations for PostgreSQL to it. */
    public static void migrateAfresh(String schema) {
        Flyway flyway = Flyway.configure().dataSource(url(schema), "postgres", "").schemas(schema)
                .locations("classpath:db/migration/postgresql").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
    }

    /** {@link #migrateAfresh} {@code schema}, then opens a factory of crm-jpa's persistence unit on it. */
    public static EntityManagerFactory migrated(String schema) {
        migrateAfresh(schema);
        return JpaStorage.persistenceUnit()
                .property(PersistenceConfiguration.JDBC_URL, url(schema))
                .property(PersistenceConfiguration.JDBC_USER, "postgres")
                .property(PersistenceConfiguration.JDBC_PASSWORD, "")
                .property("hibernate.connection.pool_size", "8")
                .createEntityManagerFactory();
    }

    /** Whether {@code schema}, read through {@code connection}, holds the base of {@code size} and {@code seed}. */
    public static boolean holds(Connection connection, String schema, int size, long seed) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT to_regclass('" + schema + ".bench_base') IS NOT NULL")) {
            r.next();
            if (!r.getBoolean(1)) {
                return false;
            }
        }
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT size, seed FROM " + schema + ".bench_base")) {
            return r.next() && r.getInt(1) == size && r.getLong(2) == seed;
        }
    }
}
