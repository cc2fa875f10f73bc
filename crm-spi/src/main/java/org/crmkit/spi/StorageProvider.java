package org.crmkit.spi;

import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.interaction.InteractionStore;

/**
 * A storage implementation that {@code Crm.builder()} can discover through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.crmkit.spi.StorageProvider} or provided in {@code module-info.java}). Discovery is a
 * convenience: stores given to the builder explicitly always win, and when several providers are discovered the host
 * must choose one by {@link #name()}.
 *
 * <p>Implementations must have a public no-argument constructor and be thread-safe.
 */
public interface StorageProvider {
    /** A short unique name, such as {@code jpa}. */
    String name();

    /** The customer store; called once per built {@code Crm}. */
    CustomerStore customerStore();

    /** The interaction store; called once per built {@code Crm}. */
    InteractionStore interactionStore();
}
