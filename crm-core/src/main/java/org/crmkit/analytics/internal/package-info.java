/** Snapshots, score tables and incremental tracking behind the analytics service. Not API. */
@NullMarked
package org.crmkit.analytics.internal;

import org.jspecify.annotations.NullMarked;
