package org.crmkit.spi;

import java.util.Optional;

/**
 * Something that may offer optional capabilities beside its port: a store that can also erase
 * ({@link org.crmkit.spi.customer.CustomerErasure}), evaluate segments itself
 * ({@link org.crmkit.spi.segment.SegmentQueryCapability}), and so on. The engine asks through {@link #capability}
 * and never with {@code instanceof}, so that a decorator (a cache, a metrics wrapper) passes on the capabilities of
 * what it wraps, and can take part in them where it must (a caching store erases through itself, to drop what it
 * cached).
 */
public interface Capable {
    /**
     * This object as a {@code type}, if it offers that capability. The default answers with the object itself when
     * it implements {@code type}; a decorator answers for what it wraps. Must answer the same for the same type
     * every time. Thread-safe.
     *
     * @throws ValidationException if {@code type} is null
     */
    default <T> Optional<T> capability(Class<T> type) {
        Checks.notNull(type, "type");
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }
}
