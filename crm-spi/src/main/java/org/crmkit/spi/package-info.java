/** Shared primitives of the contract: tenants, money, typed values, pages and the exceptions crmkit throws. */
@NullMarked
package org.crmkit.spi;

import org.jspecify.annotations.NullMarked;
