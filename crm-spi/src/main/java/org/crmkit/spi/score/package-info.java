/** Scores and the {@link org.crmkit.spi.score.ScoreStore} port. */
@NullMarked
package org.crmkit.spi.score;

import org.jspecify.annotations.NullMarked;
