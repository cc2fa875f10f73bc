/** Domain events as a host receives them: typed listeners, the backlog, delivery on demand. */
@NullMarked
package org.crmkit.event;

import org.jspecify.annotations.NullMarked;
