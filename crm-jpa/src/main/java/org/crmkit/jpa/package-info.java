/** Jakarta Persistence adapter of the store ports. Arrives with its own issue. */
@NullMarked
package org.crmkit.jpa;

import org.jspecify.annotations.NullMarked;
