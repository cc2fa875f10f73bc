package org.crmkit.jpa;

import java.util.ServiceLoader;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.event.EventCodec;
import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.storage.StorageConfiguration;
import org.crmkit.spi.storage.StorageProvider;

/**
 * The {@code jpa} storage provider: {@code Crm.builder().storageProvider("jpa").storageProperty(…)} opens a
 * {@link JpaStorage} on a persistence unit of its own, named {@code crmkit}, made from the properties with the
 * Jakarta Persistence provider found on the class path (Hibernate ORM, EclipseLink, …), and closes it with the
 * storage.
 *
 * <p>Properties: {@code jakarta.persistence.jdbc.url} (required), {@code jakarta.persistence.jdbc.user} and
 * {@code jakarta.persistence.jdbc.password}, and any property of the persistence provider (a pool size, say),
 * passed as they are. The schema must exist: apply the migrations of {@code db/migration/h2} or
 * {@code db/migration/postgresql} first. The events codec is the {@link EventCodec} service ({@code crm-core}
 * provides one). Stateless and thread-safe.
 */
public final class JpaStorageProvider implements StorageProvider {
    /** The JDBC URL property, required. */
    public static final String URL = PersistenceConfiguration.JDBC_URL;

    @Override
    public String name() {
        return "jpa";
    }

    @Override
    public Storage open(StorageConfiguration configuration) {
        String url = configuration.require(URL);
        EventCodec codec = ServiceLoader.load(EventCodec.class).findFirst().orElseThrow(() ->
                new ValidationException("events", "no EventCodec service was found: add crm-core to the class path"));
        PersistenceConfiguration unit = JpaStorage.persistenceUnit().property(URL, url);
        configuration.properties().forEach(unit::property);
        EntityManagerFactory factory;
        try {
            factory = unit.createEntityManagerFactory();
        } catch (PersistenceException e) {
            throw new ValidationException(URL, "no persistence unit could be made from the properties ("
                    + e.getClass().getSimpleName() + ")");
        }
        return JpaStorage.owning(factory, codec);
    }
}
