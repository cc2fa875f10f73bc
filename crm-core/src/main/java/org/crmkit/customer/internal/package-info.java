/** Customer-service internals. Not API. */
@NullMarked
package org.crmkit.customer.internal;

import org.jspecify.annotations.NullMarked;
