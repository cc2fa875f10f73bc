package org.crmkit.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;

import org.crmkit.Crm;
import org.crmkit.examples.analytics.ExclusionNote;
import org.crmkit.examples.analytics.LoggedPurchase;
import org.crmkit.examples.analytics.Progress;
import org.crmkit.examples.analytics.PurchaseLoader;
import org.crmkit.examples.analytics.PurchaseLog;
import org.crmkit.scoring.ModelFitException;
import org.crmkit.spi.TenantId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crmkit segments}: the size of a segment, written in the segment language, over a purchase log. */
@Command(name = "segments", mixinStandardHelpOptions = true,
        description = "Loads a purchase log (CSV with the columns customer_id, date, amount and optionally currency) "
                + "into crmkit, scores it (rfm.*, clv.* in --currency; purchases in others are left out and counted "
                + "on the error stream) and prints how many customers a segment holds. Relative windows are "
                + "evaluated at the start of the day after the last purchase (UTC). See docs/SEGMENTS.md for the "
                + "language.")
final class SegmentsCommand implements Callable<Integer> {
    private static final TenantId TENANT = TenantId.DEFAULT;

    @Spec
    private CommandSpec spec;

    @Option(names = "--transactions", required = true, paramLabel = "FILE", description = "The purchase log (CSV).")
    private Path transactions;

    @Option(names = "--segment", required = true, paramLabel = "TEXT",
            description = "The segment, e.g. \"count(order_placed within 90d) >= 2 and rfm.monetary >= 4\".")
    private String segment;

    @Option(names = "--currency", paramLabel = "ISO-4217", defaultValue = "USD",
            description = "Currency of the scores, and of the amounts of rows without a currency (default: "
                    + "${DEFAULT-VALUE}).")
    private Currency currency;

    @Override
    public Integer call() throws IOException {
        List<LoggedPurchase> purchases = PurchaseLog.readShowingProgress(transactions, currency);
        LocalDate day = purchases.stream().map(p -> p.purchase().date()).max(Comparator.naturalOrder())
                .map(d -> d.plusDays(1)).orElse(LocalDate.EPOCH);
        try (Crm crm = Crm.builder().clock(Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                ZoneOffset.UTC)).seed(1).build()) {
            crm.analytics().catalog(TENANT).define("segment", segment);
            try (Progress progress = Progress.of("Loading", purchases.size(), "purchases", 1)) {
                PurchaseLoader.load(crm, TENANT, purchases);
                progress.stepTo(purchases.size());
            }
            PrintWriter err = spec.commandLine().getErr();
            ExclusionNote.of(crm.analytics().rfm(TENANT, currency).excluded(), currency)
                    .ifPresent(note -> err.println("crmkit segments: " + note));
            try {
                crm.analytics().lifetimeValues(TENANT, currency, 52);
            } catch (ModelFitException e) {
                err.println("crmkit segments: no clv.* scores (" + e.getMessage() + ")");
            }
            int members = crm.analytics().members(TENANT, "segment").size();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%d of %d customers are in the segment%n", members, crm.storage().customers().count(TENANT));
            out.flush();
            err.flush();
        }
        return 0;
    }
}
