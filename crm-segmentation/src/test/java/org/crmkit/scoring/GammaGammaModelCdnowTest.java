package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GammaGammaModelCdnowTest {
    @Test
    void fit_onCdnowRepeatCustomers_reproducesPublishedParameters() {
        List<PurchaseSummary> summaries = CdnowSample.calibrationSummaries();

        GammaGammaParameters g = GammaGammaModel.fit(summaries).parameters();

        assertThat(summaries).filteredOn(s -> s.frequency() >= 1).hasSize(946);
        assertThat(round2(g.p())).isCloseTo(6.25, within(0.01));
        assertThat(round2(g.q())).isCloseTo(3.74, within(0.01));
        assertThat(round2(g.gamma())).isCloseTo(15.44, within(0.01));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
