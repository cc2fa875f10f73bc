package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class SyntheticPurchasesTest {
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2023, 2, 28);
    private static final LocalDate END = LocalDate.of(2023, 12, 31);

    @Test
    void summaries_equalSummariesOfTheGeneratedPurchases() {
        SyntheticPurchases synthetic = generator(7L);

        List<PurchaseSummary> direct = synthetic.summaries();
        List<PurchaseSummary> viaPurchases = PurchaseSummaries.summarize(synthetic.purchases(), FROM, END);

        assertThat(direct).hasSize(500).isEqualTo(viaPurchases);
    }

    @Test
    void purchases_withTheSameSeed_areTheSame_andDifferWithAnother() {
        assertThat(generator(7L).purchases()).isEqualTo(generator(7L).purchases())
                .isNotEqualTo(generator(8L).purchases());
    }

    @Test
    void purchases_fallInsideTheWindowAndEveryCustomerIsBornInTheBirthWindow() {
        List<Purchase> purchases = generator(3L).purchases();

        assertThat(purchases).allSatisfy(p -> assertThat(p.date()).isBetween(FROM, END));
        assertThat(generator(3L).summaries()).allSatisfy(s -> assertThat(s.age())
                .isBetween((END.toEpochDay() - TO.toEpochDay()) / 7.0, (END.toEpochDay() - FROM.toEpochDay()) / 7.0));
    }

    @Test
    void builder_rejectsBadValuesAtOnceAndMissingOnesAtBuild() {
        assertThatThrownBy(() -> SyntheticPurchases.builder().customers(0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("customers");
        assertThatThrownBy(() -> SyntheticPurchases.builder().spend(6, 1.0, 15))
                .isInstanceOf(ValidationException.class).hasMessageContaining("q");
        assertThatThrownBy(() -> SyntheticPurchases.builder().purchaseProcess(0.25, -4, 0.8, 2.5))
                .isInstanceOf(ValidationException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> SyntheticPurchases.builder().seed(1).seed(2))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already set");
        assertThatThrownBy(() -> SyntheticPurchases.builder().seed(1).customers(5).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("purchaseProcess");
    }

    private static SyntheticPurchases generator(long seed) {
        return SyntheticPurchases.builder()
                .seed(seed)
                .customers(500)
                .purchaseProcess(0.5, 3.0, 0.8, 2.5)
                .spend(6.0, 4.0, 15.0)
                .births(FROM, TO)
                .observationEnd(END)
                .build();
    }
}
