package org.crmkit.scoring;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.crmkit.scoring.internal.RfmAccumulator;
import org.crmkit.scoring.internal.RfmQuantiles;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * Computes recency, frequency and monetary (RFM) scores of customers from their interactions of one type
 * ({@link InteractionType#ORDER_PLACED} unless configured), valued in one currency.
 *
 * <p><b>What is read.</b> An interaction is read when its type is the configured one, its subject is a known
 * customer (anonymous visitors are ignored) and it occurred at or before the as-of instant (later ones are ignored,
 * so a past as-of instant reproduces the picture of that day).
 *
 * <p><b>Currencies.</b> An interaction read with an amount in the scorer's currency counts. One with an amount in
 * another currency is converted with the scorer's {@link Builder#rates exchange rates} at the instant it occurred
 * (the product rounded half-even to the scorer's currency's default fraction digits, per interaction: see
 * {@link CurrencyConverter}) and then counts as if recorded so; if there are no rates (the default) or they decline
 * its currency, it is left out whole (it counts in no dimension) and counted by currency in
 * {@link RfmAnalysis#excluded()}. So a multi-currency tenant is scored in one currency over the orders in it, or over
 * all of them with rates.
 *
 * <p><b>Amounts missing.</b> An interaction read without an amount counts in recency and frequency, but its value is
 * unknown: it adds nothing to monetary and is counted in {@link RfmAnalysis#excluded()}. A customer none of whose
 * counted interactions has an amount has no monetary value and no M score ({@link RfmScore#monetary()} and
 * {@link RfmScore#m()} are empty); the M scores rank only the customers with a monetary value.
 *
 * <p><b>Values.</b> Customers without a counted interaction are not scored. Recency is in whole days of 24 hours from
 * the latest counted interaction to the as-of instant, rounded down; frequency is the number of counted interactions;
 * monetary is the exact sum of the amounts of those with one: a negative amount (a refund or credit recorded as the
 * type) subtracts, so monetary is net spend and may be negative.
 *
 * <p><b>Scores and ties.</b> Each dimension is scored separately into {@code q} quantiles ({@value #DEFAULT_QUANTILES}
 * by default, {@value #MIN_QUANTILES} to {@value #MAX_QUANTILES}) by rank among the {@code n} scored customers (for
 * M, the {@code n} customers with a monetary value). A customer with {@code below} customers having a strictly worse
 * value (older recency in days, fewer interactions, less money) scores {@code floor(q · below / n) + 1}: customers
 * with equal values share the score of the first rank of their tie group. Hence scores lie in {@code 1..q}, equal
 * values always score the same and a better value never scores less; with many ties some scores stay unused (if 60%
 * of customers ordered once, they all get F = 1 and two orders already score F = 4 with {@code q = 5}).
 *
 * <p><b>Cost.</b> One pass over the interactions aggregating into primitive arrays, then a radix ranking per
 * dimension: linear in interactions and customers, no boxing. Memory: about 150 bytes per customer while computing,
 * about 70 kept by the {@link RfmAnalysis}. 1,000,000 customers with 2,000,000 orders take about half a second
 * ({@code RfmBenchmark}).
 *
 * <p>Immutable and thread-safe; {@link #analyse} may run concurrently if the rates are thread-safe.
 */
public final class RfmScorer {
    public static final int DEFAULT_QUANTILES = 5;
    public static final int MIN_QUANTILES = 2;
    public static final int MAX_QUANTILES = 10;

    private static final long SECONDS_PER_DAY = 86_400;
    /** The most customers the aggregation arrays are sized for up front when the input's size is known. */
    private static final int PRESIZE_LIMIT = 1 << 20;

    private final Currency currency;
    private final InteractionType type;
    private final int quantiles;
    private final ExchangeRates rates;
    private final CurrencyConverter converter;

    private RfmScorer(Builder builder) {
        this.currency = builder.currency;
        this.type = builder.type;
        this.quantiles = builder.quantiles;
        this.rates = builder.rates;
        this.converter = CurrencyConverter.of(currency, rates);
    }

    /** A scorer of orders in {@code currency} into quintiles, leaving orders in other currencies out. */
    public static RfmScorer of(Currency currency) {
        return builder(currency).build();
    }

    /** A builder of a scorer whose monetary values are in {@code currency}. */
    public static Builder builder(Currency currency) {
        return new Builder(currency);
    }

    /** The currency of the monetary values. */
    public Currency currency() {
        return currency;
    }

    /** The rates that convert amounts in other currencies; {@link ExchangeRates#none()} unless configured. */
    public ExchangeRates rates() {
        return rates;
    }

    /** The interaction type that counts as a purchase. */
    public InteractionType type() {
        return type;
    }

    /** The number of quantiles per dimension. */
    public int quantiles() {
        return quantiles;
    }

    /**
     * Scores every customer with a counted interaction among {@code interactions} as of {@code asOf}. The
     * interactions are read once, in any order; the rates are asked once per interaction read in another currency,
     * in the order read.
     *
     * @throws ValidationException if an interaction is null ({@code interactions[i]}), the rates fail
     *                             ({@code rates}, see {@link ExchangeRates}) or a customer's monetary sum exceeds
     *                             ±9.2·10^18 minor units ({@code monetary})
     */
    public RfmAnalysis analyse(Iterable<Interaction> interactions, Instant asOf) {
        Checks.notNull(interactions, "interactions");
        Checks.notNull(asOf, "asOf");
        int expected = interactions instanceof Collection<?> collection
                ? Math.max(Math.min(collection.size(), PRESIZE_LIMIT), 1 << 12) : 1 << 12;
        RfmAccumulator purchases = new RfmAccumulator(expected);
        Map<Currency, Long> otherCurrency = new HashMap<>();
        long withoutAmount = 0;
        long position = 0;
        for (Interaction interaction : interactions) {
            if (interaction == null) {
                throw new ValidationException("interactions[" + position + "]", "must not be null");
            }
            if ((type == interaction.type() || type.equals(interaction.type()))
                    && interaction.subject() instanceof Subject.Known known
                    && !interaction.occurredAt().isAfter(asOf)) {
                Optional<Money> money = interaction.amount();
                if (money.isEmpty()) {
                    purchases.addWithoutAmount(known.customer(), interaction.occurredAt());
                    withoutAmount++;
                } else {
                    Optional<Money> converted = money.get().currency().equals(currency) ? money
                            : converter.convert(money.get(), interaction.occurredAt());
                    if (converted.isPresent()) {
                        add(purchases, known, interaction.occurredAt(), converted.get());
                    } else {
                        otherCurrency.merge(money.get().currency(), 1L, Long::sum);
                    }
                }
            }
            position++;
        }
        return score(purchases, asOf, new OrderExclusions(otherCurrency, withoutAmount));
    }

    /**
     * Scores the customers of {@code interactions} as of {@code asOf}, consuming the stream; as
     * {@link #analyse(Iterable, Instant)}.
     */
    public RfmAnalysis analyse(Stream<Interaction> interactions, Instant asOf) {
        Checks.notNull(interactions, "interactions");
        return analyse(interactions::iterator, asOf);
    }

    private void add(RfmAccumulator purchases, Subject.Known customer, Instant at, Money amount) {
        long minorUnits;
        try {
            minorUnits = amount.amount().unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new ValidationException("monetary", "an amount exceeds ±9.2e18 minor units of "
                    + currency.getCurrencyCode());
        }
        try {
            purchases.add(customer.customer(), at, minorUnits);
        } catch (ArithmeticException e) {
            throw new ValidationException("monetary", "a customer's sum exceeds ±9.2e18 minor units of "
                    + currency.getCurrencyCode());
        }
    }

    private RfmAnalysis score(RfmAccumulator purchases, Instant asOf, OrderExclusions excluded) {
        long[] lastSecond = purchases.lastSecond();
        int[] lastNano = purchases.lastNano();
        int[] frequency = purchases.frequency();
        long[] minorUnits = purchases.minorUnits();
        int n = frequency.length;
        long[] recencyDays = new long[n];
        long[] negatedDays = new long[n];
        long[] frequencies = new long[n];
        for (int c = 0; c < n; c++) {
            recencyDays[c] = Math.floorDiv(asOf.getEpochSecond() - lastSecond[c]
                    - (asOf.getNano() < lastNano[c] ? 1 : 0), SECONDS_PER_DAY);
            negatedDays[c] = -recencyDays[c];
            frequencies[c] = frequency[c];
        }
        byte[] r = RfmQuantiles.scores(negatedDays, n, quantiles);
        byte[] f = RfmQuantiles.scores(frequencies, n, quantiles);
        byte[] m = RfmQuantiles.scores(minorUnits, purchases.priced(), n, quantiles);
        return new RfmAnalysis(asOf, currency, quantiles, purchases.index(), lastSecond, lastNano, recencyDays,
                frequency, minorUnits, r, f, m, excluded);
    }

    /** Configures an {@link RfmScorer}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private final Currency currency;
        private InteractionType type = InteractionType.ORDER_PLACED;
        private int quantiles = DEFAULT_QUANTILES;
        private ExchangeRates rates = ExchangeRates.none();

        private Builder(Currency currency) {
            this.currency = Checks.notNull(currency, "currency");
        }

        /** The interaction type that counts as a purchase; {@link InteractionType#ORDER_PLACED} by default. */
        public Builder type(InteractionType type) {
            this.type = Checks.notNull(type, "type");
            return this;
        }

        /**
         * The number of quantiles per dimension, {@value RfmScorer#MIN_QUANTILES} to
         * {@value RfmScorer#MAX_QUANTILES}; {@value RfmScorer#DEFAULT_QUANTILES} by default.
         */
        public Builder quantiles(int quantiles) {
            Checks.between(quantiles, MIN_QUANTILES, MAX_QUANTILES, "quantiles");
            this.quantiles = quantiles;
            return this;
        }

        /**
         * The rates that convert an amount in another currency into the scorer's at the instant of its interaction;
         * {@link ExchangeRates#none()} by default, which leaves such interactions out.
         */
        public Builder rates(ExchangeRates rates) {
            this.rates = Checks.notNull(rates, "rates");
            return this;
        }

        /** The scorer; the builder may be reused. */
        public RfmScorer build() {
            return new RfmScorer(this);
        }
    }
}
