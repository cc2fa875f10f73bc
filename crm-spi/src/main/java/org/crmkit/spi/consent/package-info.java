/**
 * Consent: the model of permission marketing (channels, purposes, capture, evidence, the hash-chained ledger of
 * consent events, the suppression list) and the {@link org.crmkit.spi.consent.ConsentStore} and
 * {@link org.crmkit.spi.consent.SuppressionStore} ports. The engine that derives states and decides lives in
 * {@code crm-consent}.
 */
@NullMarked
package org.crmkit.spi.consent;

import org.jspecify.annotations.NullMarked;
