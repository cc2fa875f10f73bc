/** Test helpers. */
@NullMarked
package org.crmkit.testing;

import org.jspecify.annotations.NullMarked;
