package org.crmkit.scoring;

import java.util.OptionalDouble;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * One customer's purchase history in the calibration period, in the notation of Fader, Hardie and Lee: the
 * frequency {@code x}, recency {@code t_x}, age {@code T} and mean repeat spend {@code zbar}. Times are in weeks of
 * 7 days from the customer's first purchase ("birth"), which is not itself counted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerKey  the customer, as the caller identifies it; one non-blank line of at most 256 characters
 * @param frequency    {@code x}: repeat purchases (same-day purchases count once), {@code >= 0}
 * @param recency      {@code t_x}: weeks from birth to the last repeat purchase; {@code 0} when {@code x = 0}
 * @param age          {@code T}: weeks from birth to the end of the calibration period, {@code >= recency}
 * @param monetaryMean {@code zbar}: mean value of the repeat purchases, {@code >= 0}; empty when {@code x = 0} or
 *                     when spend is unknown
 */
public record PurchaseSummary(String customerKey, int frequency, double recency, double age,
                              OptionalDouble monetaryMean) {
    private static final int MAX_KEY_LENGTH = 256;

    public PurchaseSummary {
        Checks.line(customerKey, "customerKey", MAX_KEY_LENGTH);
        Checks.nonNegative(frequency, "frequency");
        recency = finiteNonNegative(recency, "recency");
        age = finiteNonNegative(age, "age");
        if (recency > age) {
            throw new ValidationException("recency", "must not exceed age");
        }
        if (frequency == 0 && recency != 0) {
            throw new ValidationException("recency", "must be 0 when frequency is 0");
        }
        Checks.notNull(monetaryMean, "monetaryMean");
        if (monetaryMean.isPresent()) {
            if (frequency == 0) {
                throw new ValidationException("monetaryMean", "must be empty when frequency is 0");
            }
            monetaryMean = OptionalDouble.of(finiteNonNegative(monetaryMean.getAsDouble(), "monetaryMean"));
        }
    }

    /** A summary without spend. */
    public static PurchaseSummary of(String customerKey, int frequency, double recency, double age) {
        return new PurchaseSummary(customerKey, frequency, recency, age, OptionalDouble.empty());
    }

    /** A summary of a customer with {@code frequency >= 1} repeat purchases of mean value {@code monetaryMean}. */
    public static PurchaseSummary of(String customerKey, int frequency, double recency, double age,
                                     double monetaryMean) {
        return new PurchaseSummary(customerKey, frequency, recency, age, OptionalDouble.of(monetaryMean));
    }

    /** The value, with {@code -0.0} turned into {@code 0.0}. */
    private static double finiteNonNegative(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new ValidationException(field, "must be a finite number");
        }
        if (value < 0) {
            throw new ValidationException(field, "must not be negative");
        }
        return value + 0.0;
    }
}
