package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class ClusteringTest {
    private static final List<String> RFM = List.of("recency_days", "frequency", "monetary");
    private static final double[][] CENTRES = {{10, 8, 900}, {200, 1, 40}, {60, 3, 250}};

    /** {@code perBlob} rows around each of {@link #CENTRES}, blob by blob, with small noise. */
    private static double[][] blobs(int perBlob, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[CENTRES.length * perBlob][];
        for (int b = 0; b < CENTRES.length; b++) {
            for (int i = 0; i < perBlob; i++) {
                double[] c = CENTRES[b];
                rows[b * perBlob + i] = new double[] {c[0] + random.nextDouble(-3, 3),
                    c[1] + random.nextDouble(-0.3, 0.3), c[2] + random.nextDouble(-10, 10)};
            }
        }
        return rows;
    }

    @Test
    void fit_separatedBlobs_recoversEachBlobExactly() {
        double[][] rows = blobs(50, 1);

        ClusterModel model = Clustering.builder(3, 42).build().fit(RFM, rows);

        int[] assignment = model.assignments();
        for (int b = 0; b < 3; b++) {
            int label = assignment[b * 50];
            for (int i = 0; i < 50; i++) {
                assertThat(assignment[b * 50 + i]).isEqualTo(label);
            }
            ClusterProfile cluster = model.clusters().get(label);
            assertThat(cluster.size()).isEqualTo(50);
            assertThat(cluster.centre().get("recency_days")).isCloseTo(CENTRES[b][0], within(1.0));
            assertThat(cluster.centre().get("monetary")).isCloseTo(CENTRES[b][2], within(3.0));
        }
        assertThat(Arrays.stream(assignment).distinct().count()).isEqualTo(3);
        assertThat(model.converged()).isTrue();
    }

    @Test
    void fit_sameSeed_givesTheSameModel() {
        double[][] rows = blobs(40, 7);

        ClusterModel first = Clustering.builder(4, 99).build().fit(RFM, rows);
        ClusterModel second = Clustering.builder(4, 99).build().fit(RFM, rows);

        assertThat(second.assignments()).isEqualTo(first.assignments());
        assertThat(second.clusters()).isEqualTo(first.clusters());
        assertThat(second.inertia()).isEqualTo(first.inertia());
        assertThat(second.silhouette()).isEqualTo(first.silhouette());
    }

    @Test
    void silhouette_separatedBlobs_isNearOne() {
        ClusterModel model = Clustering.builder(3, 5).build().fit(RFM, blobs(60, 3));

        assertThat(model.silhouette()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
    }

    @Test
    void silhouette_aboveTheExactLimit_isSampledCloseToExact() {
        double[][] rows = blobs(300, 11);

        double exact = Clustering.builder(3, 5).build().fit(RFM, rows).silhouette();
        double sampled = Clustering.builder(3, 5).silhouetteExactLimit(100).silhouetteSampleSize(200).build()
                .fit(RFM, rows).silhouette();

        assertThat(sampled).isCloseTo(exact, within(0.02));
    }

    @Test
    void assign_newRow_goesToTheNearestProfile() {
        ClusterModel model = Clustering.builder(3, 42).build().fit(RFM, blobs(50, 1));
        int loyal = model.assign(new double[] {10, 8, 900});

        assertThat(model.assign(new double[] {12, 7, 850})).isEqualTo(loyal);
        assertThat(model.assign(new double[] {190, 1, 30})).isNotEqualTo(loyal);
        assertThat(model.clusters().get(loyal).centre().get("frequency")).isCloseTo(8.0, within(0.2));
    }

    @Test
    void describe_writesCentresInOriginalUnitsAndSizes() {
        double[][] rows = {{10, 2, 100}, {12, 4, 140}, {300, 1, 10}, {310, 1, 30}};

        ClusterModel model = Clustering.builder(2, 1).build().fit(RFM, rows);

        assertThat(model.describe().lines().sorted().toList()).containsExactlyInAnyOrder(
                "cluster " + model.assign(rows[0]) + " (n=2): recency_days=11.0, frequency=3.0, monetary=120.0",
                "cluster " + model.assign(rows[2]) + " (n=2): recency_days=305.0, frequency=1.0, monetary=20.0");
    }

    @Test
    void fit_constantFeature_isIgnoredWithoutNaN() {
        double[][] rows = {{1, 5, 0}, {2, 5, 0}, {50, 5, 0}, {51, 5, 0}};

        ClusterModel model = Clustering.builder(2, 3).build().fit(RFM, rows);

        assertThat(model.inertia()).isFinite();
        assertThat(model.silhouette()).isFinite().isGreaterThan(0.9);
        assertThat(model.clusters()).allSatisfy(c -> assertThat(c.centre().get("frequency")).isEqualTo(5.0));
        assertThat(model.assign(new double[] {3, 99, 1})).isEqualTo(model.assign(rows[0]));
    }

    @Test
    void fit_singleCluster_hasSilhouetteZero() {
        ClusterModel model = Clustering.builder(1, 3).build().fit(RFM, blobs(10, 2));

        assertThat(model.clusters()).singleElement().satisfies(c -> assertThat(c.size()).isEqualTo(30));
        assertThat(model.silhouette()).isZero();
    }

    @Test
    void fit_moreClustersThanDistinctRows_isRefused() {
        double[][] rows = {{1, 1, 1}, {1, 1, 1}, {2, 2, 2}};

        assertThatThrownBy(() -> Clustering.builder(3, 1).build().fit(RFM, rows))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("clusters");
                    assertThat(e.reason()).contains("2 distinct");
                });
    }

    @Test
    void fit_degenerateInput_isRefusedNamingTheField() {
        Clustering clustering = Clustering.builder(2, 1).build();

        assertField(() -> clustering.fit(RFM, new double[0][]), "rows");
        assertField(() -> clustering.fit(RFM, new double[][] {{1, 2, 3}, {1, Double.NaN, 3}}), "rows[1].frequency");
        assertField(() -> clustering.fit(RFM, new double[][] {{1, 2, Double.POSITIVE_INFINITY}}), "rows[0].monetary");
        assertField(() -> clustering.fit(RFM, new double[][] {{1, 2}}), "rows[0]");
        assertField(() -> clustering.fit(List.of("a", "a"), new double[][] {{1, 2}}), "featureNames[1]");
        assertField(() -> clustering.fit(List.of(), new double[][] {{1}}), "featureNames");
        assertField(() -> clustering.fit(List.of("a", "b\tc"), new double[][] {{1, 2}}), "featureNames[1]");
        assertField(() -> Clustering.builder(0, 1), "clusters");
        assertField(() -> Clustering.builder(2, 1).tolerance(Double.NaN), "tolerance");
        ClusterModel model = clustering.fit(RFM, blobs(5, 1));
        assertField(() -> model.assign(new double[] {1, Double.NaN, 3}), "row.frequency");
        assertField(() -> model.assign(new double[] {1}), "row");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
