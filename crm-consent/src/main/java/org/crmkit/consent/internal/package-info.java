/** Implementation of the consent engine; not API. */
@NullMarked
package org.crmkit.consent.internal;

import org.jspecify.annotations.NullMarked;
