package org.crmkit.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.crmkit.examples.analytics.ExclusionNote;
import org.crmkit.examples.analytics.LoggedPurchase;
import org.crmkit.examples.analytics.Progress;
import org.crmkit.examples.analytics.PurchaseLog;
import org.crmkit.scoring.BgNbdModel;
import org.crmkit.scoring.BgNbdParameters;
import org.crmkit.scoring.ClvCalculator;
import org.crmkit.scoring.GammaGammaModel;
import org.crmkit.scoring.GammaGammaParameters;
import org.crmkit.scoring.OrderExclusions;
import org.crmkit.scoring.Purchase;
import org.crmkit.scoring.PurchaseSummaries;
import org.crmkit.scoring.PurchaseSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crmkit clv}: fits BG/NBD and Gamma-Gamma to a purchase log and prints the parameters and top customers. */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = "Fits the BG/NBD and Gamma-Gamma lifetime-value models to a purchase log (CSV with the columns "
                + "customer_id, date, amount and optionally currency). Calibration runs from the first purchase in "
                + "the file to --calibration-end; same-day purchases are merged, weeks have 7 days. Purchases in "
                + "another currency than --currency are left out and counted on the error stream.")
final class ClvCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--transactions", required = true, paramLabel = "FILE", description = "The purchase log (CSV).")
    private Path transactions;

    @Option(names = "--calibration-end", required = true, paramLabel = "YYYY-MM-DD",
            description = "Last day of the calibration period (included).")
    private LocalDate calibrationEnd;

    @Option(names = "--horizon-weeks", paramLabel = "N", defaultValue = "52",
            description = "Horizon of the lifetime values, in weeks (default: ${DEFAULT-VALUE}).")
    private int horizonWeeks;

    @Option(names = "--json", description = "Print the fitted parameters as one JSON object.")
    private boolean json;

    @Option(names = "--currency", paramLabel = "ISO-4217", defaultValue = "USD",
            description = "Currency of the values, and of the amounts of rows without a currency (default: "
                    + "${DEFAULT-VALUE}).")
    private Currency currency;

    @Override
    public Integer call() throws IOException {
        Map<Boolean, List<LoggedPurchase>> inCurrency = PurchaseLog.readShowingProgress(transactions, currency)
                .stream().collect(Collectors.partitioningBy(p -> p.currency().equals(currency)));
        List<Purchase> purchases = inCurrency.get(true).stream().map(LoggedPurchase::purchase).toList();
        OrderExclusions excluded = new OrderExclusions(inCurrency.get(false).stream()
                .collect(Collectors.groupingBy(LoggedPurchase::currency, Collectors.counting())), 0);
        ExclusionNote.of(excluded, currency).ifPresent(note -> spec.commandLine().getErr().println("crmkit clv: "
                + note));
        LocalDate start = purchases.stream().map(Purchase::date).min(Comparator.naturalOrder())
                .orElse(calibrationEnd);
        List<PurchaseSummary> summaries = PurchaseSummaries.summarize(purchases, start, calibrationEnd);
        BgNbdModel bgnbd;
        GammaGammaModel spend;
        try (Progress progress = Progress.of("Fitting", 2, "models", 1)) {
            bgnbd = BgNbdModel.fit(summaries);
            progress.stepTo(1);
            spend = GammaGammaModel.fit(summaries);
            progress.stepTo(2);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(summaries.size(), bgnbd.parameters(), spend.parameters()));
        } else {
            printReport(out, summaries, bgnbd, spend);
        }
        out.flush();
        return 0;
    }

    private static String json(int customers, BgNbdParameters b, GammaGammaParameters g) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("customers", customers);
        ObjectNode bgnbd = root.putObject("bgnbd");
        bgnbd.put("r", b.r());
        bgnbd.put("alpha", b.alpha());
        bgnbd.put("a", b.a());
        bgnbd.put("b", b.b());
        bgnbd.put("log_likelihood", b.logLikelihood());
        ObjectNode gammaGamma = root.putObject("gamma_gamma");
        gammaGamma.put("p", g.p());
        gammaGamma.put("q", g.q());
        gammaGamma.put("gamma", g.gamma());
        return mapper.writeValueAsString(root);
    }

    private void printReport(PrintWriter out, List<PurchaseSummary> summaries, BgNbdModel bgnbd,
                             GammaGammaModel spend) {
        BgNbdParameters b = bgnbd.parameters();
        GammaGammaParameters g = spend.parameters();
        out.printf("Customers: %,d (calibration ends %s)%n", summaries.size(), calibrationEnd);
        out.printf("BG/NBD:      r=%.3f alpha=%.3f a=%.3f b=%.3f  log-likelihood %.1f%n", b.r(), b.alpha(), b.a(),
                b.b(), b.logLikelihood());
        out.printf("Gamma-Gamma: p=%.3f q=%.3f gamma=%.3f  (mean spend per purchase %.2f)%n", g.p(), g.q(),
                g.gamma(), g.meanSpend());
        ClvCalculator clv = ClvCalculator.of(bgnbd, spend);
        out.printf("Top 10 customers by expected value over %d weeks:%n", horizonWeeks);
        out.printf("  %-12s %4s %8s %8s %8s %10s %10s%n", "customer", "x", "t_x", "T", "P(alive)", "purchases",
                "value");
        summaries.stream()
                .map(s -> new Ranked(s, clv.lifetimeValue(s, horizonWeeks)))
                .sorted(Comparator.comparingDouble(Ranked::value).reversed()
                        .thenComparing(r -> r.summary().customerKey()))
                .limit(10)
                .forEach(r -> out.printf("  %-12s %4d %8.2f %8.2f %8.3f %10.2f %10.2f%n", r.summary().customerKey(),
                        r.summary().frequency(), r.summary().recency(), r.summary().age(),
                        bgnbd.probabilityAlive(r.summary()),
                        bgnbd.conditionalExpectedPurchases(r.summary(), horizonWeeks), r.value()));
    }

    private record Ranked(PurchaseSummary summary, double value) {
    }
}
