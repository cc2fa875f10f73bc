package org.crmkit.scoring.internal;

import static org.crmkit.scoring.internal.SpecialFunctions.digamma;
import static org.crmkit.scoring.internal.SpecialFunctions.logGamma;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The BG/NBD log-likelihood of a fixed data set (Fader, Hardie and Lee 2005, eq. 6 in log form) and its gradient.
 * Identical {@code (x, t_x, T)} rows are merged into one weighted row; terms that depend on {@code x} alone are
 * computed once per distinct {@code x}; the two-term sum is taken with log-sum-exp. Immutable data, but
 * {@link #evaluate} uses scratch arrays: not thread-safe.
 */
public final class BgNbdLikelihood {
    private final int[] distinctX;
    private final double[] customersWithX;
    private final double[] zeroAge;
    private final double[] zeroWeight;
    private final int[] group;
    private final double[] recency;
    private final double[] age;
    private final double[] weight;
    private final double customers;
    private final double[] logRatio;
    private final double[] aliveWeight;

    private BgNbdLikelihood(int[] distinctX, double[] customersWithX, double[] zeroAge, double[] zeroWeight,
                            int[] group, double[] recency, double[] age, double[] weight, double customers) {
        this.distinctX = distinctX;
        this.customersWithX = customersWithX;
        this.zeroAge = zeroAge;
        this.zeroWeight = zeroWeight;
        this.group = group;
        this.recency = recency;
        this.age = age;
        this.weight = weight;
        this.customers = customers;
        this.logRatio = new double[distinctX.length];
        this.aliveWeight = new double[distinctX.length];
    }

    /** The data: {@code x[i]} repeat purchases, last at {@code recency[i]}, observed for {@code age[i]} weeks. */
    public static BgNbdLikelihood of(int[] x, double[] recency, double[] age) {
        int[] distinct = Arrays.stream(x).distinct().sorted().toArray();
        double[] perX = new double[distinct.length];
        Map<Row, Integer> rows = new HashMap<>();
        GrowableRows zero = new GrowableRows();
        GrowableRows repeat = new GrowableRows();
        for (int i = 0; i < x.length; i++) {
            int k = Arrays.binarySearch(distinct, x[i]);
            perX[k]++;
            GrowableRows target = x[i] == 0 ? zero : repeat;
            Row row = new Row(k, x[i] == 0 ? 0.0 : recency[i], age[i]);
            Integer index = rows.get(row);
            if (index == null) {
                rows.put(row, target.add(k, row.recency, row.age));
            } else {
                target.weight[index]++;
            }
        }
        return new BgNbdLikelihood(distinct, perX, zero.age(), zero.weights(), repeat.groups(), repeat.recency(),
                repeat.age(), repeat.weights(), x.length);
    }

    /** Distinct weighted rows kept after merging identical ones. */
    public int rows() {
        return zeroAge.length + age.length;
    }

    /**
     * The log-likelihood at {@code (r, alpha, a, b)}; when {@code gradient} is not null its four entries receive
     * the partial derivatives in that order.
     */
    public double evaluate(double r, double alpha, double a, double b, double[] gradient) {
        double logAlpha = Math.log(alpha);
        double logA = Math.log(a);
        double sum = customers * r * logAlpha;
        double gR = customers * logAlpha;
        double gAlpha = customers * r / alpha;
        double gA = 0;
        double gB = 0;
        double lgR = logGamma(r);
        double lgB = logGamma(b);
        double lgAB = logGamma(a + b);
        double psiR = digamma(r);
        double psiB = digamma(b);
        double psiAB = digamma(a + b);
        for (int k = 0; k < distinctX.length; k++) {
            int x = distinctX[k];
            double n = customersWithX[k];
            if (x > 0) {
                double psiABX = digamma(a + b + x);
                sum += n * (logGamma(r + x) - lgR + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x));
                gR += n * (digamma(r + x) - psiR);
                gA += n * (psiAB - psiABX);
                gB += n * (psiAB - psiABX + digamma(b + x) - psiB);
                logRatio[k] = logA - Math.log(b + x - 1);
            }
            aliveWeight[k] = 0;
        }
        for (int i = 0; i < zeroAge.length; i++) {
            double w = zeroWeight[i];
            double plusAge = alpha + zeroAge[i];
            double logAge = Math.log(plusAge);
            sum -= w * r * logAge;
            gR -= w * logAge;
            gAlpha -= w * r / plusAge;
        }
        for (int i = 0; i < age.length; i++) {
            int k = group[i];
            double w = weight[i];
            double rx = r + distinctX[k];
            double plusAge = alpha + age[i];
            double plusRecency = alpha + recency[i];
            double logAge = Math.log(plusAge);
            double logRecency = Math.log(plusRecency);
            double d = logRatio[k] + rx * (logAge - logRecency);
            double softplus;
            double dropped;
            if (d > 0) {
                double e = Math.exp(-d);
                softplus = d + Math.log(1.0 + e);
                dropped = 1.0 / (1.0 + e);
            } else {
                double e = Math.exp(d);
                softplus = Math.log(1.0 + e);
                dropped = e / (1.0 + e);
            }
            double alive = 1.0 - dropped;
            sum += w * (softplus - rx * logAge);
            gR -= w * (alive * logAge + dropped * logRecency);
            gAlpha -= w * rx * (alive / plusAge + dropped / plusRecency);
            aliveWeight[k] += w * dropped;
        }
        for (int k = 0; k < distinctX.length; k++) {
            int x = distinctX[k];
            if (x > 0) {
                gA += aliveWeight[k] / a;
                gB -= aliveWeight[k] / (b + x - 1);
            }
        }
        if (gradient != null) {
            gradient[0] = gR;
            gradient[1] = gAlpha;
            gradient[2] = gA;
            gradient[3] = gB;
        }
        return sum;
    }

    /** The number of customers (rows before merging). */
    public double customers() {
        return customers;
    }

    private record Row(int group, double recency, double age) {
    }

    private static final class GrowableRows {
        private int size;
        private int[] group = new int[16];
        private double[] recency = new double[16];
        private double[] age = new double[16];
        private double[] weight = new double[16];

        int add(int k, double rowRecency, double rowAge) {
            if (size == age.length) {
                int capacity = size * 2;
                group = Arrays.copyOf(group, capacity);
                recency = Arrays.copyOf(recency, capacity);
                age = Arrays.copyOf(age, capacity);
                weight = Arrays.copyOf(weight, capacity);
            }
            group[size] = k;
            recency[size] = rowRecency;
            age[size] = rowAge;
            weight[size] = 1;
            return size++;
        }

        int[] groups() {
            return Arrays.copyOf(group, size);
        }

        double[] recency() {
            return Arrays.copyOf(recency, size);
        }

        double[] age() {
            return Arrays.copyOf(age, size);
        }

        double[] weights() {
            return Arrays.copyOf(weight, size);
        }
    }
}
