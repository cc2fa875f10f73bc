package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.scoring.internal.ClusterStandardisation;

/** assign() picks the nearest centre in standardised units; fitted rows keep their fitted cluster. */
class ClusteringProperties {
    private static final List<String> FEATURES = List.of("recency_days", "frequency", "monetary");

    @Provide
    Arbitrary<double[][]> rows() {
        Arbitrary<double[]> row = Arbitraries.doubles().between(0, 1_000).ofScale(2)
                .array(double[].class).ofSize(3);
        return row.array(double[][].class).ofMinSize(8).ofMaxSize(60);
    }

    @Property(tries = 100)
    void assign_returnsTheNearestCentre(@ForAll("rows") double[][] rows, @ForAll("rows") double[][] newRows,
                                        @ForAll @IntRange(min = 1, max = 4) int k, @ForAll long seed) {
        int distinct = (int) Arrays.stream(rows).map(Arrays::toString).distinct().count();
        ClusterModel model = Clustering.builder(Math.min(k, distinct), seed).restarts(2).build().fit(FEATURES, rows);
        ClusterStandardisation z = ClusterStandardisation.of(rows);
        double[][] centres = model.clusters().stream()
                .map(c -> z.standardise(c.centre().values().stream().mapToDouble(Double::doubleValue).toArray()))
                .toArray(double[][]::new);

        for (double[] row : newRows) {
            int assigned = model.assign(row);
            double[] point = z.standardise(row);
            for (double[] centre : centres) {
                assertThat(distance(point, centres[assigned])).isLessThanOrEqualTo(distance(point, centre) + 1e-9);
            }
        }
        int[] fitted = model.assignments();
        for (int i = 0; i < rows.length; i++) {
            assertThat(model.assign(rows[i])).isEqualTo(fitted[i]);
        }
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return sum;
    }
}
