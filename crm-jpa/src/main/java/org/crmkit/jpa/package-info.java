/**
 * Jakarta Persistence adapter of every store port: {@link org.crmkit.jpa.JpaStorage} on a host's entity manager
 * factory, or the {@code jpa} {@link org.crmkit.jpa.JpaStorageProvider}. Entities and mappers are internal.
 */
@NullMarked
package org.crmkit.jpa;

import org.jspecify.annotations.NullMarked;
