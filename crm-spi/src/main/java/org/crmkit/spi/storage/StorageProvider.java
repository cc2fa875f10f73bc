package org.crmkit.spi.storage;

/**
 * A factory of {@link Storage}: how a storage implementation (the Jakarta Persistence adapter, a host's own) makes
 * itself available to {@code Crm.builder()}, which discovers providers with {@link java.util.ServiceLoader} (listed
 * in {@code META-INF/services/org.crmkit.spi.storage.StorageProvider}, or provided in {@code module-info.java}).
 * Discovery is a convenience: a storage given to the builder always wins, and when several providers are discovered
 * the host must choose one by {@link #name()}.
 *
 * <p>Lifecycle: the provider is stateless; every {@link #open} makes a new storage, which its opener owns and closes
 * ({@code Crm.close()} closes the storage it opened through a provider, never one it was given).
 *
 * <p>Implementations have a public no-argument constructor and are thread-safe.
 */
public interface StorageProvider {
    /** A short unique name, such as {@code jpa}: a lower-case letter, then lower-case letters, digits, {@code _}. */
    String name();

    /**
     * Opens a storage configured by {@code configuration}.
     *
     * @throws org.crmkit.spi.ValidationException naming the property at fault if the configuration is missing
     *                                            something or holds a value the provider cannot use
     */
    Storage open(StorageConfiguration configuration);
}
