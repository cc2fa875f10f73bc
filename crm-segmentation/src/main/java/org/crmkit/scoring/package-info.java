/**
 * Customer-lifetime-value models over purchase histories: the BG/NBD model of repeat-purchase counts (Fader, Hardie
 * and Lee 2005, "Counting Your Customers the Easy Way"), the Gamma-Gamma model of spend per purchase (Fader, Hardie
 * and Lee 2005, "RFM and CLV: Using Iso-Value Curves") and the discounted lifetime value that combines them.
 *
 * <p>Every duration in this package is in weeks of 7 days. Start from {@link org.crmkit.scoring.PurchaseSummaries}
 * (dated purchases to per-customer summaries), fit {@link org.crmkit.scoring.BgNbdModel} and
 * {@link org.crmkit.scoring.GammaGammaModel}, and combine them with {@link org.crmkit.scoring.ClvCalculator}.
 *
 * <p>Also RFM ({@link org.crmkit.scoring.RfmScorer}, in one currency; the host's
 * {@link org.crmkit.scoring.ExchangeRates} bring others into it), typical profiles
 * ({@link org.crmkit.scoring.Clustering}) and the decaying engagement score: {@link org.crmkit.scoring.EngagementRules}
 * give the points, {@link org.crmkit.scoring.EngagementState} is its arithmetic over one stored number, and
 * {@link org.crmkit.scoring.EngagementScorer} keeps states in memory.
 */
@NullMarked
package org.crmkit.scoring;

import org.jspecify.annotations.NullMarked;
