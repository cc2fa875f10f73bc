/**
 * The in-memory adapters of every storage port: the defaults a {@link org.crmkit.Crm} uses when no store is given.
 * They keep everything on the heap, are thread-safe, and pass the crm-spi TCK.
 */
@NullMarked
package org.crmkit.memory;

import org.jspecify.annotations.NullMarked;
