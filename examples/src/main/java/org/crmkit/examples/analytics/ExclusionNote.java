package org.crmkit.examples.analytics;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.scoring.OrderExclusions;

/** The note a command prints when a computation in one currency left purchases in others out. Stateless. */
public final class ExclusionNote {
    private ExclusionNote() {
    }

    /** E.g. {@code left out 3 purchases in other currencies than EUR (GBP 1, USD 2)}; empty if none was left out. */
    public static Optional<String> of(OrderExclusions excluded, Currency currency) {
        if (excluded.otherCurrency().isEmpty()) {
            return Optional.empty();
        }
        long n = excluded.otherCurrencyTotal();
        String byCurrency = excluded.otherCurrency().entrySet().stream()
                .map(e -> e.getKey().getCurrencyCode() + " " + e.getValue()).collect(Collectors.joining(", "));
        return Optional.of(String.format(Locale.ROOT, "left out %,d purchase%s in other currencies than %s (%s)", n,
                n == 1 ? "" : "s", currency.getCurrencyCode(), byCurrency));
    }
}
