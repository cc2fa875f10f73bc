/** Validation helpers of the SPI's value types. Not API: nothing outside crm-spi may use it. */
@NullMarked
package org.crmkit.spi.internal;

import org.jspecify.annotations.NullMarked;
