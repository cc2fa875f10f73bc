/**
 * Caching in front of storage ports: {@link org.crmkit.cache.CachingCustomerStore}, a Caffeine read-through cache
 * for any {@link org.crmkit.spi.customer.CustomerStore}.
 */
@NullMarked
package org.crmkit.cache;

import org.jspecify.annotations.NullMarked;
