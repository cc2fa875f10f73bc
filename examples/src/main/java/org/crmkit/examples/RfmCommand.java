package org.crmkit.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;

import org.crmkit.examples.analytics.ExclusionNote;
import org.crmkit.examples.analytics.LoggedPurchase;
import org.crmkit.examples.analytics.PurchaseInteractions;
import org.crmkit.examples.analytics.PurchaseLog;
import org.crmkit.scoring.RfmAnalysis;
import org.crmkit.scoring.RfmScorer;
import org.crmkit.spi.TenantId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crmkit rfm}: recency, frequency and monetary scores of a purchase log, as a grid. */
@Command(name = "rfm", mixinStandardHelpOptions = true,
        description = "Scores every customer of a purchase log (CSV with the columns customer_id, date, amount and "
                + "optionally currency) on recency, frequency and monetary value in quantiles, and prints the R x F "
                + "grid. Purchases in another currency than --currency are left out and counted on the error "
                + "stream.")
final class RfmCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--transactions", required = true, paramLabel = "FILE", description = "The purchase log (CSV).")
    private Path transactions;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Score as of the start of this day (UTC); default: the day after the last purchase.")
    private LocalDate asOf;

    @Option(names = "--currency", paramLabel = "ISO-4217", defaultValue = "USD",
            description = "Currency of the analysis, and of the amounts of rows without a currency (default: "
                    + "${DEFAULT-VALUE}).")
    private Currency currency;

    @Option(names = "--quantiles", paramLabel = "Q", defaultValue = "5",
            description = "Number of score classes per dimension, 2 to 10 (default: ${DEFAULT-VALUE}).")
    private int quantiles;

    @Override
    public Integer call() throws IOException {
        List<LoggedPurchase> purchases = PurchaseLog.readShowingProgress(transactions, currency);
        LocalDate day = asOf != null ? asOf : purchases.stream().map(p -> p.purchase().date())
                .max(Comparator.naturalOrder()).map(d -> d.plusDays(1)).orElse(LocalDate.now(ZoneOffset.UTC));
        RfmAnalysis analysis = RfmScorer.builder(currency).quantiles(quantiles).build()
                .analyse(PurchaseInteractions.of(TenantId.DEFAULT, purchases),
                        day.atStartOfDay(ZoneOffset.UTC).toInstant());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("RFM of %,d customers as of %s (%d classes; 5 is best)%n", analysis.size(), day, quantiles);
        out.println(analysis.table().render());
        out.flush();
        ExclusionNote.of(analysis.excluded(), currency)
                .ifPresent(note -> spec.commandLine().getErr().println("crmkit rfm: " + note));
        spec.commandLine().getErr().flush();
        return 0;
    }
}
