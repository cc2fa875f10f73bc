/** Interactions on every channel and the {@link org.crmkit.spi.interaction.InteractionStore} port. */
@NullMarked
package org.crmkit.spi.interaction;

import org.jspecify.annotations.NullMarked;
