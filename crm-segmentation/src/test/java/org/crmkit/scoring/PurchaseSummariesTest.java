package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class PurchaseSummariesTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = LocalDate.of(2024, 3, 31);

    @Test
    void summarize_mergesSameDayPurchasesAndDoesNotCountTheFirst() {
        List<Purchase> purchases = List.of(
                purchase("anna", "2024-01-03", "10.00"),
                purchase("anna", "2024-01-03", "5.00"),
                purchase("anna", "2024-01-17", "20.00"),
                purchase("anna", "2024-01-17", "4.00"),
                purchase("anna", "2024-02-14", "30.00"));

        PurchaseSummary anna = PurchaseSummaries.summarize(purchases, START, END).get(0);

        assertThat(anna.frequency()).isEqualTo(2);
        assertThat(anna.recency()).isCloseTo(42 / 7.0, within(1e-12));
        assertThat(anna.age()).isCloseTo(88 / 7.0, within(1e-12));
        assertThat(anna.monetaryMean()).hasValueCloseTo(27.0, within(1e-12));
    }

    @Test
    void summarize_ignoresPurchasesOutsideTheWindowAndOrdersByKey() {
        List<Purchase> purchases = List.of(
                purchase("zoe", "2024-02-01", "8.00"),
                purchase("bob", "2023-12-31", "9.00"),
                purchase("bob", "2024-03-01", "7.00"),
                purchase("bob", "2024-04-01", "6.00"),
                purchase("carl", "2024-04-02", "6.00"));

        List<PurchaseSummary> summaries = PurchaseSummaries.summarize(purchases, START, END);

        assertThat(summaries).extracting(PurchaseSummary::customerKey).containsExactly("bob", "zoe");
        assertThat(summaries.get(0).frequency()).isZero();
        assertThat(summaries.get(0).recency()).isZero();
        assertThat(summaries.get(0).monetaryMean()).isEmpty();
        assertThat(summaries.get(0).age()).isCloseTo(30 / 7.0, within(1e-12));
    }

    @Test
    void purchase_withNegativeAmount_isRejected() {
        assertThatThrownBy(() -> purchase("anna", "2024-01-03", "-1.00"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("amount")
                .hasMessageContaining("negative");
    }

    @Test
    void summarize_withEndBeforeStart_isRejected() {
        assertThatThrownBy(() -> PurchaseSummaries.summarize(List.of(), END, START))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("end");
    }

    private static Purchase purchase(String key, String date, String amount) {
        return new Purchase(key, LocalDate.parse(date), new BigDecimal(amount));
    }

    @Test
    void purchase_withALineBreakInTheCustomerKey_isRejected() {
        assertThatThrownBy(() -> purchase("anna\n", "2024-01-03", "1.00"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("customerKey: contains the control character U+000A");
    }
}
