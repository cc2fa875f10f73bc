/** Consent: permission marketing. Arrives with its own issue. */
@NullMarked
package org.crmkit.consent;

import org.jspecify.annotations.NullMarked;
