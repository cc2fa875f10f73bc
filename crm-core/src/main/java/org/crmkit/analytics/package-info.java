/**
 * Analytic CRM on the engine's stores: segments (defined in the segment language, evaluated over the whole base,
 * pushed down to a capable store, or tracked incrementally with membership events), RFM, lifetime value and
 * engagement scores that segments can read.
 */
@NullMarked
package org.crmkit.analytics;

import org.jspecify.annotations.NullMarked;
