/** The mathematics behind {@code org.crmkit.scoring}: special functions, likelihoods, optimiser, samplers. Not API. */
@NullMarked
package org.crmkit.scoring.internal;

import org.jspecify.annotations.NullMarked;
