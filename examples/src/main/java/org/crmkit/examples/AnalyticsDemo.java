package org.crmkit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.analytics.CustomerValue;
import org.crmkit.analytics.LifetimeValues;
import org.crmkit.examples.analytics.ExclusionNote;
import org.crmkit.examples.analytics.LoggedPurchase;
import org.crmkit.examples.analytics.PurchaseLoader;
import org.crmkit.examples.analytics.PurchaseLog;
import org.crmkit.scoring.ClusterModel;
import org.crmkit.scoring.EngagementRule;
import org.crmkit.scoring.EngagementRules;
import org.crmkit.scoring.RfmAnalysis;
import org.crmkit.scoring.SyntheticPurchases;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.interaction.InteractionType;

/**
 * Analytic CRM on a purchase history: generated from the BG/NBD and Gamma-Gamma processes (seeded), or read from a
 * CSV such as the CDNOW log. Loads it into a Crm, then prints the fitted lifetime-value models, the top 10 customers
 * by predicted value, the RFM grid, typical profiles (k-means on RFM) and the sizes of three segments.
 */
final class AnalyticsDemo {
    private static final TenantId SHOP = TenantId.of("analytics");
    private static final Currency USD = Currency.getInstance("USD");

    private final long seed;
    private final PrintStream out;

    AnalyticsDemo(long seed, PrintStream out) {
        this.seed = seed;
        this.out = out;
    }

    void run(Optional<Path> transactions) throws IOException {
        List<LoggedPurchase> purchases = transactions.isPresent()
                ? PurchaseLog.read(transactions.get(), USD, bytes -> { })
                : SyntheticPurchases.builder().seed(seed).customers(3_000).purchaseProcess(0.25, 4.5, 0.8, 2.4)
                        .spend(6.25, 3.74, 15.44).births(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31))
                        .observationEnd(LocalDate.of(2025, 9, 30)).build().purchases().stream()
                        .map(p -> new LoggedPurchase(p, USD)).toList();
        LocalDate end = purchases.stream().map(p -> p.purchase().date()).max(Comparator.naturalOrder())
                .orElse(LocalDate.of(2025, 9, 30));
        SimulatedClock clock = new SimulatedClock(end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        try (Crm crm = Crm.builder().clock(clock).seed(seed).zone(ZoneOffset.UTC)
                .engagementRules(EngagementRules.builder().rule(EngagementRule.of(InteractionType.ORDER_PLACED, 10))
                        .rule(EngagementRule.of(InteractionType.PAGE_VIEW, 1)).build())
                .build()) {
            PurchaseLoader.load(crm, SHOP, purchases);
            out.printf("== Analytics: %,d purchases by %,d customers (%s) ==%n", purchases.size(),
                    crm.storage().customers().count(SHOP),
                    transactions.map(Path::toString).orElse("generated, seed " + seed));

            LifetimeValues clv = crm.analytics().lifetimeValues(SHOP, USD, 52);
            out.printf("BG/NBD:      r=%.3f alpha=%.3f a=%.3f b=%.3f (log-likelihood %.1f)%n",
                    clv.purchases().r(), clv.purchases().alpha(), clv.purchases().a(), clv.purchases().b(),
                    clv.purchases().logLikelihood());
            out.printf("Gamma-Gamma: p=%.3f q=%.3f gamma=%.3f%n", clv.spend().p(), clv.spend().q(),
                    clv.spend().gamma());
            out.println("Top 10 customers by value over the next 52 weeks:");
            for (CustomerValue v : clv.customers().subList(0, Math.min(10, clv.customers().size()))) {
                out.printf("  %-10s P(alive) %.2f  purchases %5.2f  value %8.2f USD%n", v.customer(),
                        v.probabilityAlive(), v.expectedPurchases(), v.expectedValue());
            }

            RfmAnalysis rfm = crm.analytics().rfm(SHOP, USD);
            ExclusionNote.of(rfm.excluded(), USD).ifPresent(note -> out.println("RFM and lifetime values " + note));
            out.println("RFM grid (customers per recency x frequency score; 5 is best):");
            out.println(rfm.table().render());

            ClusterModel clusters = crm.analytics().profiles(SHOP, rfm, 4, seed);
            out.printf("Typical profiles (k-means on RFM, silhouette %.2f):%n", clusters.silhouette());
            clusters.clusters().forEach(c -> out.println("  " + c.description()));

            Map<String, String> segments = new LinkedHashMap<>();
            segments.put("loyal", "count(order_placed within 180d) >= 3");
            segments.put("slipping", "rfm.recency <= 2 and rfm.frequency >= 4");
            segments.put("high_value", "clv.expected_value > 100 and not segment(\"slipping\")");
            int top = clusters.clusters().stream().max(Comparator.comparingDouble(c -> c.centre().get("monetary")))
                    .orElseThrow().index();
            segments.put("top_profile", "rfm.cluster = " + top + " and rfm.recency >= 3");
            segments.forEach((name, text) -> {
                crm.analytics().catalog(SHOP).define(name, text);
                out.printf("Segment %-11s %,6d customers   %s%n", name + ":",
                        crm.analytics().members(SHOP, name).size(),
                        text);
            });
        }
    }
}
