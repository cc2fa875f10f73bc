package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgNbdModelCdnowTest {
    private static List<PurchaseSummary> summaries;

    @BeforeAll
    static void readSample() {
        summaries = CdnowSample.calibrationSummaries();
    }

    @Test
    void fit_onCdnowSample_reproducesPublishedParameters() {
        BgNbdParameters p = BgNbdModel.fit(summaries).parameters();

        assertThat(round3(p.r())).isEqualTo(0.243);
        assertThat(round3(p.alpha())).isEqualTo(4.414);
        assertThat(round3(p.a())).isEqualTo(0.793);
        assertThat(round3(p.b())).isEqualTo(2.426);
        assertThat(p.logLikelihood()).isCloseTo(-9582.4, within(0.05));
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
