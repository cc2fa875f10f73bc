package org.crmkit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * One purchase by one customer on one day, the input of {@link PurchaseSummaries}. The amount is in the currency of
 * the shop; refunds and credits are not purchases and are rejected.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerKey the customer, as the caller identifies it; one non-blank line of at most 256 characters
 * @param date        the day of the purchase
 * @param amount      the value of the purchase, {@code >= 0}
 */
public record Purchase(String customerKey, LocalDate date, BigDecimal amount) {
    public Purchase {
        Checks.line(customerKey, "customerKey", 256);
        Checks.notNull(date, "date");
        Checks.notNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new ValidationException("amount", "must not be negative: refunds and credits are not purchases");
        }
    }
}
