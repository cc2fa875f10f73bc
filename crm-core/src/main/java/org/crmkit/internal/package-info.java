/** Wiring helpers of the engine. Not API: nothing outside crm-core may use it. */
@NullMarked
package org.crmkit.internal;

import org.jspecify.annotations.NullMarked;
