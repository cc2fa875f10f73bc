package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 1/10 CDNOW sample of Fader, Hardie and Lee, read from {@code cdnow_sample_transactions.csv} in the shared data
 * directory: {@code CRM_DATA_DIR} (system property or environment variable) if set, else {@code ../shared/data}
 * beside the repository root (the directory holding {@code crm-spi}). A missing file skips the calling test, or fails
 * it when the environment variable {@code CRM_STRICT} is {@code 1}.
 */
final class CdnowSample {
    static final LocalDate CALIBRATION_START = LocalDate.of(1997, 1, 1);
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final String FILE = "cdnow_sample_transactions.csv";

    private CdnowSample() {
    }

    /** Every purchase of the sample, keyed by the sample's customer id. */
    static List<Purchase> purchases() {
        Path file = file(FILE);
        try {
            List<String> lines = Files.readAllLines(file);
            List<Purchase> purchases = new ArrayList<>(lines.size());
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split(",");
                purchases.add(new Purchase(columns[1], LocalDate.parse(columns[2]), new BigDecimal(columns[4])));
            }
            return purchases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calibration-period summaries (1997-01-01 to 1997-09-30). */
    static List<PurchaseSummary> calibrationSummaries() {
        return PurchaseSummaries.summarize(purchases(), CALIBRATION_START, CALIBRATION_END);
    }

    /** A file of the CDNOW data directory; skips (or, strict, fails) the calling test when it is missing. */
    static Path file(String name) {
        Optional<Path> directory = configuredDirectory().or(CdnowSample::besideRepository);
        Path file = directory.map(d -> d.resolve("cdnow").resolve(name)).filter(Files::isRegularFile).orElse(null);
        String message = "CDNOW data not found (looked for " + directory.map(Path::toString).orElse("<no data dir>")
                + "/cdnow/" + name + "; set CRM_DATA_DIR to the shared data directory)";
        if (file == null) {
            if ("1".equals(System.getenv("CRM_STRICT"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return file;
    }

    private static Optional<Path> configuredDirectory() {
        String configured = System.getProperty("CRM_DATA_DIR", System.getenv("CRM_DATA_DIR"));
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured));
    }

    private static Optional<Path> besideRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("crm-spi"))) {
            dir = dir.getParent();
        }
        return dir == null || dir.getParent() == null ? Optional.empty()
                : Optional.of(dir.getParent().resolve("shared").resolve("data"));
    }
}
