package org.crmkit.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * Builds {@link PurchaseSummary purchase summaries} from dated purchases with the conventions of Fader, Hardie and
 * Lee:
 *
 * <ul>
 *   <li>only purchases from {@code start} to {@code end}, both included, are used; a customer's birth is their
 *       first purchase in that window, and customers without one are left out;</li>
 *   <li>a customer's purchases on one day are merged into one purchase whose amount is their sum;</li>
 *   <li>the first (merged) purchase is not counted: {@code x} is the number of later purchase days;</li>
 *   <li>a week is 7 days: {@code t_x} is days from birth to the last purchase divided by 7, {@code T} days from
 *       birth to {@code end} divided by 7;</li>
 *   <li>{@code zbar} is the mean amount of the {@code x} repeat (merged) purchases, empty when {@code x = 0}.</li>
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class PurchaseSummaries {
    private static final double DAYS_PER_WEEK = 7.0;

    private PurchaseSummaries() {
    }

    /**
     * The summaries of every customer with a purchase in {@code [start, end]}, ordered by customer key.
     *
     * @throws ValidationException if an argument is null, a purchase is null or {@code end} is before {@code start}
     */
    public static List<PurchaseSummary> summarize(Collection<Purchase> purchases, LocalDate start, LocalDate end) {
        Checks.noNullElements(purchases, "purchases");
        Checks.notNull(start, "start");
        Checks.notNull(end, "end");
        if (end.isBefore(start)) {
            throw new ValidationException("end", "must not be before start");
        }
        Map<String, List<Purchase>> byCustomer = new TreeMap<>();
        for (Purchase purchase : purchases) {
            if (!purchase.date().isBefore(start) && !purchase.date().isAfter(end)) {
                byCustomer.computeIfAbsent(purchase.customerKey(), k -> new ArrayList<>()).add(purchase);
            }
        }
        long endDay = end.toEpochDay();
        List<PurchaseSummary> summaries = new ArrayList<>(byCustomer.size());
        for (Map.Entry<String, List<Purchase>> entry : byCustomer.entrySet()) {
            List<Purchase> history = entry.getValue();
            history.sort(Comparator.comparing(Purchase::date));
            long[] days = new long[history.size()];
            BigDecimal[] amounts = new BigDecimal[history.size()];
            for (int i = 0; i < days.length; i++) {
                days[i] = history.get(i).date().toEpochDay();
                amounts[i] = history.get(i).amount();
            }
            summaries.add(ofCustomer(entry.getKey(), days, amounts, endDay));
        }
        return List.copyOf(summaries);
    }

    /**
     * The summary of one customer's purchases, given as epoch days in ascending order (not after {@code endDay}) with
     * their amounts.
     */
    static PurchaseSummary ofCustomer(String customerKey, long[] days, BigDecimal[] amounts, long endDay) {
        long birth = days[0];
        long lastDay = birth;
        int repeats = 0;
        BigDecimal repeatTotal = BigDecimal.ZERO;
        for (int i = 1; i < days.length; i++) {
            if (days[i] != birth) {
                repeatTotal = repeatTotal.add(amounts[i]);
                if (days[i] != lastDay) {
                    repeats++;
                    lastDay = days[i];
                }
            }
        }
        double age = (endDay - birth) / DAYS_PER_WEEK;
        if (repeats == 0) {
            return new PurchaseSummary(customerKey, 0, 0.0, age, OptionalDouble.empty());
        }
        double mean = repeatTotal.divide(BigDecimal.valueOf(repeats), MathContext.DECIMAL64).doubleValue();
        return new PurchaseSummary(customerKey, repeats, (lastDay - birth) / DAYS_PER_WEEK, age,
                OptionalDouble.of(mean));
    }
}
