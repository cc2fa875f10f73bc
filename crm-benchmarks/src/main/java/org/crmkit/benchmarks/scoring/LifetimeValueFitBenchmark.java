package org.crmkit.benchmarks.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.crmkit.scoring.BgNbdModel;
import org.crmkit.scoring.GammaGammaModel;
import org.crmkit.scoring.PurchaseSummary;
import org.crmkit.scoring.SyntheticPurchases;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fits BG/NBD and then Gamma-Gamma to 1,000,000 customers drawn (seeded) from the models' own generative processes
 * with the CDNOW parameters, purchases dated by day over a 39-week calibration. Target: under 5 s for both fits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class LifetimeValueFitBenchmark {
    private List<PurchaseSummary> summaries;

    @Setup(Level.Trial)
    public void generate() {
        summaries = SyntheticPurchases.builder().seed(7).customers(1_000_000)
                .purchaseProcess(0.243, 4.414, 0.793, 2.426)
                .spend(6.25, 3.74, 15.44).births(LocalDate.of(1997, 1, 1), LocalDate.of(1997, 3, 31))
                .observationEnd(LocalDate.of(1997, 9, 30)).build().summaries();
    }

    @Benchmark
    public Object[] fitBoth() {
        return new Object[] {BgNbdModel.fit(summaries), GammaGammaModel.fit(summaries)};
    }
}
