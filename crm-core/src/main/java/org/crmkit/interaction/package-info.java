/** Recording and reading interactions. */
@NullMarked
package org.crmkit.interaction;

import org.jspecify.annotations.NullMarked;
