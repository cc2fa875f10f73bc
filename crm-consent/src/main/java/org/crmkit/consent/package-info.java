/**
 * Consent: permission marketing. {@link org.crmkit.consent.ConsentService} records consent events in a hash-chained
 * ledger, derives each consent's state (now or at any past instant), keeps the do-not-contact list, counts contact
 * pressure, signs and checks unsubscribe tokens, and decides — with every reason — whether a customer may be
 * contacted on a channel for a purpose. It is the only gate campaigns use.
 */
@NullMarked
package org.crmkit.consent;

import org.jspecify.annotations.NullMarked;
