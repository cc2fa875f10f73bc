/** Customers: parties, contact points, identities, custom attributes, and the {@link org.crmkit.spi.customer.CustomerStore} port. */
@NullMarked
package org.crmkit.spi.customer;

import org.jspecify.annotations.NullMarked;
