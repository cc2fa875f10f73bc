/** Customer services: registration, duplicates, merge, identification and the 360° view. */
@NullMarked
package org.crmkit.customer;

import org.jspecify.annotations.NullMarked;
