/** Campaign identifiers; campaigns themselves come in a later release. */
@NullMarked
package org.crmkit.spi.campaign;

import org.jspecify.annotations.NullMarked;
