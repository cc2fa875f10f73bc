package org.crmkit.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.crmkit.json.CrmJson;
import org.crmkit.spi.event.EventCodec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the adapter's tests run on, each made by the migrations the jar ships (applied with Flyway, never
 * the provider's DDL), and emptied between stores. H2 runs in memory; PostgreSQL is the server at 127.0.0.1:5432,
 * database {@code test}, in a schema of its own: its tests are skipped with a message when no server answers, and
 * fail instead when the environment variable {@code CRM_STRICT} is {@code 1}.
 */
public final class Databases {
    /** The tables the ports write, children first: what {@link #empty} deletes from. */
    private static final List<String> TABLES = List.of("crm_consent_entry", "crm_consent_head", "crm_suppression",
            "crm_suppression_version", "crm_outbox", "crm_score", "crm_membership", "crm_review",
            "crm_interaction_property", "crm_interaction",
            "crm_interaction_counter", "crm_merge_origin", "crm_merge_record", "crm_identity",
            "crm_customer_attribute", "crm_customer_identity", "crm_customer_contact", "crm_customer_tag",
            "crm_customer_stage", "crm_customer");
    /** The events codec of crm-core, as a host gives it. */
    static final EventCodec EVENTS = CrmJson.create().eventCodec();
    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** The schema the tests own: {@code crmkit_tck}, or the system property {@code crm.tck.schema}. */
    private static final String PG_SCHEMA = System.getProperty("crm.tck.schema", "crmkit_tck");

    private static EntityManagerFactory h2;
    private static EntityManagerFactory postgres;

    private Databases() {
    }

    /** The H2 in-memory database, migrated once per JVM and emptied now. */
    public static synchronized EntityManagerFactory h2() {
        String url = "jdbc:h2:mem:crmkit;DB_CLOSE_DELAY=-1";
        if (h2 == null) {
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").load().migrate();
            h2 = factory(url, "sa");
        }
        empty(url, "sa");
        return h2;
    }

    /** The PostgreSQL database, migrated once per JVM into a schema of its own and emptied now. */
    public static synchronized EntityManagerFactory postgres() {
        String url = PG_URL + "?currentSchema=" + PG_SCHEMA;
        if (postgres == null) {
            requirePostgres();
            Flyway flyway = Flyway.configure().dataSource(url, "postgres", "").schemas(PG_SCHEMA)
                    .locations("classpath:db/migration/postgresql").cleanDisabled(false).load();
            flyway.clean();
            flyway.migrate();
            postgres = factory(url, "postgres");
        }
        empty(url, "postgres");
        return postgres;
    }

    /**
     * Another factory on the H2 database {@link #h2()} made (which must have been called first): a second node.
     * The caller closes it.
     */
    static EntityManagerFactory h2Node() {
        return factory("jdbc:h2:mem:crmkit;DB_CLOSE_DELAY=-1", "sa");
    }

    /** Another factory on the PostgreSQL schema {@link #postgres()} made: a second node. The caller closes it. */
    static EntityManagerFactory postgresNode() {
        return factory(PG_URL + "?currentSchema=" + PG_SCHEMA, "postgres");
    }

    private static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "")) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "PostgreSQL does not answer at " + PG_URL + " (" + e.getMessage() + ")";
            if ("1".equals(System.getenv("CRM_STRICT"))) {
                throw new IllegalStateException(message + "; CRM_STRICT=1 requires it", e);
            }
            Assumptions.abort(message + ": skipped; set CRM_STRICT=1 to fail instead");
        }
    }

    private static EntityManagerFactory factory(String url, String user) {
        return JpaStorage.persistenceUnit()
                .property(PersistenceConfiguration.JDBC_URL, url)
                .property(PersistenceConfiguration.JDBC_USER, user)
                .property(PersistenceConfiguration.JDBC_PASSWORD, "")
                .property("hibernate.connection.pool_size", "40")
                .createEntityManagerFactory();
    }

    private static void empty(String url, String user) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate("UPDATE crm_outbox_lease SET owner = NULL, until_ns = 0");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
