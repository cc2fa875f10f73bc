/** Domain events and the {@link org.crmkit.spi.event.EventSink} port. */
@NullMarked
package org.crmkit.spi.event;

import org.jspecify.annotations.NullMarked;
