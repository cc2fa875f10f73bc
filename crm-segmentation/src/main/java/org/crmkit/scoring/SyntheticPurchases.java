package org.crmkit.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.crmkit.scoring.internal.RandomVariates;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * Purchase histories drawn from the generative processes of the {@link BgNbdModel BG/NBD} and
 * {@link GammaGammaModel Gamma-Gamma} models, for tests, demos and benchmarks. Customer {@code i} (key
 * {@code c000…i}) is born on a day drawn uniformly from the birth window and buys then; from then on, in continuous
 * time, they buy at a Poisson rate {@code λ ~ Gamma(r, alpha)} per week and after each repeat purchase drop out with
 * probability {@code p ~ Beta(a, b)}, until the observation end (included). Each purchase is worth
 * {@code Gamma(spendShape, ν)} with {@code ν ~ Gamma(q, gamma)}, rounded to cents; purchases are dated to the day.
 *
 * <p>The draws come from a {@link SplittableRandom} seeded with the given seed: the same settings give the same
 * purchases, on every call. Immutable and thread-safe.
 */
public final class SyntheticPurchases {
    private static final double DAYS_PER_WEEK = 7.0;
    private static final double MAX_PARAMETER = 1e6;

    private final long seed;
    private final int customers;
    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final double spendShape;
    private final double q;
    private final double gamma;
    private final LocalDate birthsFrom;
    private final LocalDate birthsTo;
    private final LocalDate observationEnd;

    private SyntheticPurchases(Builder builder) {
        this.seed = builder.seed;
        this.customers = builder.customers;
        this.r = builder.purchaseProcess[0];
        this.alpha = builder.purchaseProcess[1];
        this.a = builder.purchaseProcess[2];
        this.b = builder.purchaseProcess[3];
        this.spendShape = builder.spend[0];
        this.q = builder.spend[1];
        this.gamma = builder.spend[2];
        this.birthsFrom = builder.birthsFrom;
        this.birthsTo = builder.birthsTo;
        this.observationEnd = builder.observationEnd;
    }

    /** A builder; every option must be set, once. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every purchase, customer by customer in key order, each customer's in date order. */
    public List<Purchase> purchases() {
        List<Purchase> purchases = new ArrayList<>();
        simulate((key, days, amounts) -> {
            for (int i = 0; i < days.length; i++) {
                purchases.add(new Purchase(key, LocalDate.ofEpochDay(days[i]), amounts[i]));
            }
        });
        return purchases;
    }

    /**
     * The customers' summaries, in key order; equal to
     * {@code PurchaseSummaries.summarize(purchases(), birthsFrom, observationEnd)} but without building the purchases.
     */
    public List<PurchaseSummary> summaries() {
        List<PurchaseSummary> summaries = new ArrayList<>(customers);
        long end = observationEnd.toEpochDay();
        simulate((key, days, amounts) -> summaries.add(PurchaseSummaries.ofCustomer(key, days, amounts, end)));
        return summaries;
    }

    private interface CustomerSink {
        void accept(String key, long[] days, BigDecimal[] amounts);
    }

    private void simulate(CustomerSink sink) {
        SplittableRandom random = new SplittableRandom(seed);
        long firstBirth = birthsFrom.toEpochDay();
        long birthDays = birthsTo.toEpochDay() - firstBirth + 1;
        long end = observationEnd.toEpochDay();
        int width = Integer.toString(customers).length();
        long[] days = new long[16];
        BigDecimal[] amounts = new BigDecimal[16];
        for (int c = 1; c <= customers; c++) {
            long birth = firstBirth + random.nextLong(birthDays);
            double rate = RandomVariates.gamma(random, r, alpha);
            double dropOut = RandomVariates.beta(random, a, b);
            double spendRate = RandomVariates.gamma(random, q, gamma);
            double lifetimeDays = end - birth;
            int count = 0;
            double week = 0;
            while (true) {
                if (count == days.length) {
                    days = Arrays.copyOf(days, count * 2);
                    amounts = Arrays.copyOf(amounts, count * 2);
                }
                days[count] = birth + (long) Math.floor(week * DAYS_PER_WEEK);
                amounts[count] = cents(RandomVariates.gamma(random, spendShape, spendRate));
                count++;
                week += random.nextExponential() / rate;
                if (!(week * DAYS_PER_WEEK < lifetimeDays + 1) || (count > 1 && random.nextDouble() < dropOut)) {
                    break;
                }
            }
            sink.accept(key(c, width), Arrays.copyOf(days, count),
                    Arrays.copyOf(amounts, count));
        }
    }

    private static BigDecimal cents(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String key(int index, int width) {
        String digits = Integer.toString(index);
        return "c" + "0".repeat(width - digits.length()) + digits;
    }

    /** Sets up a {@link SyntheticPurchases}; each setter checks its values at once and may be called once. */
    public static final class Builder {
        private long seed;
        private boolean seedSet;
        private int customers;
        private double[] purchaseProcess;
        private double[] spend;
        private LocalDate birthsFrom;
        private LocalDate birthsTo;
        private LocalDate observationEnd;

        private Builder() {
        }

        /** The seed of the random draws. */
        public Builder seed(long value) {
            once(seedSet, "seed");
            this.seed = value;
            this.seedSet = true;
            return this;
        }

        /** How many customers to draw, {@code >= 1}. */
        public Builder customers(int count) {
            once(customers != 0, "customers");
            if (count < 1) {
                throw new ValidationException("customers", "must be at least 1");
            }
            this.customers = count;
            return this;
        }

        /** The BG/NBD parameters of the purchase process (rates per week); each in {@code (0, 1e6]}. */
        public Builder purchaseProcess(double r, double alpha, double a, double b) {
            once(purchaseProcess != null, "purchaseProcess");
            this.purchaseProcess = new double[] {
                    parameter(r, "r"), parameter(alpha, "alpha"), parameter(a, "a"), parameter(b, "b")};
            return this;
        }

        /** The Gamma-Gamma parameters of spend per purchase; each in {@code (0, 1e6]}, and {@code q > 1}. */
        public Builder spend(double p, double q, double gamma) {
            once(spend != null, "spend");
            if (!(q > 1)) {
                throw new ValidationException("q", "must be > 1 (else mean spend is infinite)");
            }
            this.spend = new double[] {parameter(p, "p"), parameter(q, "q"), parameter(gamma, "gamma")};
            return this;
        }

        /** The window of birth days, both included. */
        public Builder births(LocalDate from, LocalDate to) {
            once(birthsFrom != null, "births");
            Checks.notNull(from, "births.from");
            Checks.notNull(to, "births.to");
            if (to.isBefore(from)) {
                throw new ValidationException("births.to", "must not be before births.from");
            }
            this.birthsFrom = from;
            this.birthsTo = to;
            return this;
        }

        /** The last day observed, not before the last birth day. */
        public Builder observationEnd(LocalDate end) {
            once(observationEnd != null, "observationEnd");
            this.observationEnd = Checks.notNull(end, "observationEnd");
            return this;
        }

        /** The generator. */
        public SyntheticPurchases build() {
            if (!seedSet) {
                throw new ValidationException("seed", "must be set");
            }
            if (customers == 0) {
                throw new ValidationException("customers", "must be set");
            }
            if (purchaseProcess == null) {
                throw new ValidationException("purchaseProcess", "must be set");
            }
            if (spend == null) {
                throw new ValidationException("spend", "must be set");
            }
            if (birthsFrom == null || birthsTo == null) {
                throw new ValidationException("births", "must be set");
            }
            if (observationEnd == null) {
                throw new ValidationException("observationEnd", "must be set");
            }
            if (observationEnd.isBefore(birthsTo)) {
                throw new ValidationException("observationEnd", "must not be before the last birth day");
            }
            return new SyntheticPurchases(this);
        }

        private static void once(boolean alreadySet, String field) {
            if (alreadySet) {
                throw new ValidationException(field, "is already set");
            }
        }

        private static double parameter(double value, String field) {
            if (!(value > 0 && value <= MAX_PARAMETER)) {
                throw new ValidationException(field, "must be in (0, " + MAX_PARAMETER + "]");
            }
            return value;
        }
    }
}
