/** The facade: {@link org.crmkit.Crm} and its builder. */
@NullMarked
package org.crmkit;

import org.jspecify.annotations.NullMarked;
