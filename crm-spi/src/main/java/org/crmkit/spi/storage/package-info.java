/**
 * The storage seam: {@link org.crmkit.spi.storage.Storage}, the bundle of every store port with its atomic units
 * and locks, and the {@link org.crmkit.spi.storage.StorageProvider} factories that open one.
 */
@NullMarked
package org.crmkit.spi.storage;

import org.jspecify.annotations.NullMarked;
