/** Segments and their language. Arrive with their own issue. */
@NullMarked
package org.crmkit.segmentation;

import org.jspecify.annotations.NullMarked;
