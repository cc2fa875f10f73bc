package org.crmkit.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Lloyd's algorithm never increases the inertia, and leaves every point with its nearest centre. */
class KMeansLloydProperties {
    @Provide
    Arbitrary<double[][]> points() {
        Arbitrary<double[]> point = Arbitraries.oneOf(
                Arbitraries.doubles().between(-5, 5).ofScale(1),
                Arbitraries.doubles().between(-100, 100)).array(double[].class).ofSize(2);
        return point.array(double[][].class).ofMinSize(6).ofMaxSize(80);
    }

    @Property(tries = 300)
    void run_inertiaNeverIncreasesAcrossIterations(@ForAll("points") double[][] points,
                                                   @ForAll @IntRange(min = 1, max = 5) int k, @ForAll long seed) {
        int distinct = (int) java.util.Arrays.stream(points).map(java.util.Arrays::toString).distinct().count();
        int clusters = Math.min(k, distinct);

        KMeansRun run = KMeansLloyd.run(points, clusters, new SplittableRandom(seed), 100, 0);

        double[] history = run.inertiaHistory();
        for (int i = 1; i < history.length; i++) {
            assertThat(history[i]).isLessThanOrEqualTo(history[i - 1] * (1 + 1e-12) + 1e-12);
        }
        assertThat(history[history.length - 1]).isEqualTo(run.inertia());
    }

    @Property(tries = 300)
    void run_assignsEveryPointToItsNearestCentre(@ForAll("points") double[][] points, @ForAll long seed) {
        int distinct = (int) java.util.Arrays.stream(points).map(java.util.Arrays::toString).distinct().count();
        int clusters = Math.min(3, distinct);

        KMeansRun run = KMeansLloyd.run(points, clusters, new SplittableRandom(seed), 100, 1e-9);

        for (int i = 0; i < points.length; i++) {
            double own = KMeansLloyd.squaredDistance(points[i], run.centres()[run.assignment()[i]]);
            for (double[] centre : run.centres()) {
                assertThat(own).isLessThanOrEqualTo(KMeansLloyd.squaredDistance(points[i], centre));
            }
        }
    }
}
