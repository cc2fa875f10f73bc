package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PurchaseSummariesCdnowTest {
    @Test
    void summarize_onCdnowSample_reproducesPublishedCounts() {
        List<PurchaseSummary> summaries = CdnowSample.calibrationSummaries();

        assertThat(summaries).hasSize(2357);
        assertThat(summaries).filteredOn(s -> s.frequency() == 0).hasSize(1411);
        assertThat(summaries.stream().mapToInt(PurchaseSummary::frequency).sum()).isEqualTo(2457);
    }

    @Test
    void summarize_onCdnowSample_matchesHardiesPublishedSummary() throws IOException {
        Map<String, PurchaseSummary> ours = CdnowSample.calibrationSummaries().stream()
                .collect(Collectors.toMap(PurchaseSummary::customerKey, Function.identity()));
        Path published = CdnowSample.file("cdnow_sample_summary.csv");

        List<String> lines = Files.readAllLines(published);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            PurchaseSummary s = ours.get(c[0]);
            assertThat(s).as("customer %s", c[0]).isNotNull();
            assertThat(s.frequency()).as("x of %s", c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(s.recency()).as("t_x of %s", c[0]).isCloseTo(Double.parseDouble(c[2]), within(0.0051));
            assertThat(s.age()).as("T of %s", c[0]).isCloseTo(Double.parseDouble(c[3]), within(0.0051));
            assertThat(s.monetaryMean().orElse(0)).as("zbar of %s", c[0])
                    .isCloseTo(Double.parseDouble(c[4]), within(0.0051));
        }
        assertThat(ours.get("26").frequency()).isEqualTo(1);
        assertThat(ours.get("26").monetaryMean()).hasValueCloseTo(227.14, within(0.005));
    }
}
