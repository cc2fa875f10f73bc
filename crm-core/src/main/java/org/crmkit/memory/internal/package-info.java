/** The indexes behind the in-memory stores. Not API. */
@NullMarked
package org.crmkit.memory.internal;

import org.jspecify.annotations.NullMarked;
