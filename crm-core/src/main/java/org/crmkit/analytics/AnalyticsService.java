package org.crmkit.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.analytics.internal.LiveScores;
import org.crmkit.analytics.internal.ScoreBoard;
import org.crmkit.analytics.internal.Snapshots;
import org.crmkit.analytics.internal.Tracking;
import org.crmkit.internal.Engine;
import org.crmkit.internal.Pages;
import org.crmkit.scoring.BgNbdModel;
import org.crmkit.scoring.ClusterModel;
import org.crmkit.scoring.Clustering;
import org.crmkit.scoring.ClvCalculator;
import org.crmkit.scoring.GammaGammaModel;
import org.crmkit.scoring.ModelFitException;
import org.crmkit.scoring.Purchase;
import org.crmkit.scoring.PurchaseSummaries;
import org.crmkit.scoring.PurchaseSummary;
import org.crmkit.scoring.RfmAnalysis;
import org.crmkit.scoring.RfmScore;
import org.crmkit.scoring.RfmScorer;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.segmentation.SegmentEvaluator;
import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.SegmentQueryCapability;

/**
 * Segments and scores over the engine's stores: {@code crm.analytics()}.
 *
 * <ul>
 *   <li><b>Segments</b> are defined once in the {@link #catalog()} (text in the segment language, or the builder)
 *       and checked there against the attribute schema, the score names below and the registered functions
 *       ({@code can_contact(channel, purpose)} when consent is configured).</li>
 *   <li>{@link #members} answers from the customer store when it implements {@link SegmentQueryCapability}
 *       (falling back when it refuses a node), otherwise by evaluating every customer's snapshot in memory, on all
 *       cores.</li>
 *   <li>{@link #track} starts incremental tracking of a tenant: from then on every write re-evaluates the changed
 *       customer's affected segments only, and each entry or exit is published to the event sink as
 *       {@link DomainEvent.SegmentMembershipChanged}.</li>
 *   <li><b>Scores</b> segments can read: {@code engagement} (live, when engagement rules are configured),
 *       {@code rfm.recency}, {@code rfm.frequency}, {@code rfm.monetary} (1 to the number of quantiles, after
 *       {@link #rfm}), {@code rfm.cluster} (the typical profile, 0 to k - 1, after {@link #profiles}) and
 *       {@code clv.expected_value}, {@code clv.p_alive}, {@code clv.expected_purchases} (after
 *       {@link #lifetimeValues}).</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class AnalyticsService {
    /** The score names the catalog knows. */
    public static final Set<String> SCORES = Set.of(LiveScores.ENGAGEMENT, "rfm.recency", "rfm.frequency",
            "rfm.monetary", "rfm.cluster", "clv.expected_value", "clv.p_alive", "clv.expected_purchases");

    private final Engine engine;
    private final SegmentCatalog catalog;
    private final ZoneId zone;
    private final ScoreBoard scores = new ScoreBoard();
    private final LiveScores live;
    private final Snapshots snapshots;
    private final Map<TenantId, Tracking> tracked = new ConcurrentHashMap<>();

    /** Used by {@code Crm}: subscribes to the engine's events. */
    public AnalyticsService(Engine engine, SegmentCatalog catalog, ZoneId zone, LiveScores live) {
        this.engine = engine;
        this.catalog = catalog;
        this.zone = zone;
        this.live = live;
        this.snapshots = new Snapshots(engine, scores, live);
        engine.events().observe(this::observe);
    }

    /** The segment definitions; define segments here. */
    public SegmentCatalog catalog() {
        return catalog;
    }

    /** The time zone of day windows and calendar dates. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The customers of the tenant in {@code segment}, now.
     *
     * @throws org.crmkit.spi.NotFoundException if no such segment is defined
     */
    public Set<CustomerId> members(TenantId tenant, String segment) {
        Checks.notNull(tenant, "tenant");
        SegmentDefinition resolved = catalog.resolve(segment);
        if (engine.customers() instanceof SegmentQueryCapability query) {
            try {
                return query.members(tenant, resolved, engine.clock().instant(), zone);
            } catch (UnsupportedCapabilityException refused) {
                // the store cannot translate a node: evaluate in memory below
            }
        }
        return SegmentEvaluator.of(catalog, engine.clock(), zone).members(segment, snapshots.all(tenant));
    }

    /**
     * Starts incremental tracking of the tenant's segments (idempotent): loads every customer's snapshot, then keeps
     * memberships current with every write and publishes their changes. Segments defined later are tracked after
     * {@link #untrack} and a new {@code track}.
     */
    public void track(TenantId tenant) {
        tracked.computeIfAbsent(Checks.notNull(tenant, "tenant"), t -> new Tracking(engine, t, catalog, zone,
                snapshots));
    }

    /** Stops incremental tracking of the tenant. */
    public void untrack(TenantId tenant) {
        tracked.remove(Checks.notNull(tenant, "tenant"));
    }

    /** The tracked members of a segment, or empty if the tenant is not tracked. */
    public Optional<Set<CustomerId>> trackedMembers(TenantId tenant, String segment) {
        Tracking t = tracked.get(Checks.notNull(tenant, "tenant"));
        return t == null ? Optional.empty() : Optional.of(t.segments().members(segment));
    }

    /** The customer's latest value of a score, if it has one. */
    public Optional<Double> score(TenantId tenant, CustomerId customer, String name) {
        Double stored = scores.of(tenant, customer).get(name);
        if (stored != null) {
            return Optional.of(stored);
        }
        return Optional.ofNullable(live.of(tenant, customer, engine.clock().instant()).get(name));
    }

    /**
     * Scores every customer of the tenant with orders ({@code order_placed} interactions with an amount in
     * {@code currency}) on recency, frequency and monetary value, as of now, and keeps the scores for segments.
     */
    public RfmAnalysis rfm(TenantId tenant, Currency currency) {
        RfmAnalysis analysis = RfmScorer.of(currency).analyse(interactions(tenant), engine.clock().instant());
        for (RfmScore s : analysis.scores()) {
            scores.put(tenant, s.customerId(), "rfm.recency", s.r());
            scores.put(tenant, s.customerId(), "rfm.frequency", s.f());
            scores.put(tenant, s.customerId(), "rfm.monetary", s.m());
            scoresChanged(tenant, s.customerId());
        }
        return analysis;
    }

    /**
     * Typical profiles: k-means (k-means++ seeding with {@code seed}, several restarts, z-scored features) on the
     * customers' recency, frequency and monetary value of {@code analysis}; keeps each customer's cluster as the
     * score {@code rfm.cluster}, so that a segment can refer to a profile ({@code rfm.cluster = 2}).
     *
     * @throws org.crmkit.spi.ValidationException if {@code clusters} exceeds the number of distinct customers
     */
    public ClusterModel profiles(TenantId tenant, RfmAnalysis analysis, int clusters, long seed) {
        ClusterModel model = Clustering.builder(clusters, seed).build().fit(RfmAnalysis.FEATURE_NAMES,
                analysis.featureRows());
        int[] assigned = model.assignments();
        List<RfmScore> scored = analysis.scores();
        for (int i = 0; i < scored.size(); i++) {
            scores.put(tenant, scored.get(i).customerId(), "rfm.cluster", assigned[i]);
            scoresChanged(tenant, scored.get(i).customerId());
        }
        return model;
    }

    /**
     * Fits BG/NBD and Gamma-Gamma to the tenant's orders in {@code currency} (calibration from the first order's
     * day to today in the engine's zone; same-day orders merged, weeks of 7 days), predicts every customer's value
     * over {@code horizonWeeks} and keeps the {@code clv.*} scores for segments.
     *
     * @throws ModelFitException if the orders cannot identify the models (too few customers, no repeat buyers, …)
     */
    public LifetimeValues lifetimeValues(TenantId tenant, Currency currency, int horizonWeeks) {
        List<Purchase> purchases = new ArrayList<>();
        for (Interaction i : interactions(tenant)) {
            if (i.type().equals(InteractionType.ORDER_PLACED) && i.subject() instanceof Subject.Known known
                    && i.amount().isPresent() && i.amount().get().currency().equals(currency)
                    && i.amount().get().amount().signum() >= 0) {
                purchases.add(new Purchase(known.customer().value(), i.occurredAt().atZone(zone).toLocalDate(),
                        i.amount().get().amount()));
            }
        }
        LocalDate end = engine.clock().instant().atZone(zone).toLocalDate();
        LocalDate start = purchases.stream().map(Purchase::date).min(Comparator.naturalOrder()).orElse(end);
        List<PurchaseSummary> summaries = PurchaseSummaries.summarize(purchases, start, end);
        BgNbdModel bgnbd = BgNbdModel.fit(summaries);
        GammaGammaModel spend = GammaGammaModel.fit(summaries);
        ClvCalculator clv = ClvCalculator.of(bgnbd, spend);
        List<CustomerValue> values = new ArrayList<>(summaries.size());
        for (PurchaseSummary s : summaries) {
            CustomerId id = CustomerId.of(s.customerKey());
            CustomerValue v = new CustomerValue(id, bgnbd.probabilityAlive(s),
                    bgnbd.conditionalExpectedPurchases(s, horizonWeeks), clv.lifetimeValue(s, horizonWeeks));
            values.add(v);
            scores.put(tenant, id, "clv.expected_value", v.expectedValue());
            scores.put(tenant, id, "clv.p_alive", v.probabilityAlive());
            scores.put(tenant, id, "clv.expected_purchases", v.expectedPurchases());
            scoresChanged(tenant, id);
        }
        values.sort(Comparator.comparingDouble(CustomerValue::expectedValue).reversed()
                .thenComparing(CustomerValue::customer, Comparator.comparing(CustomerId::value)));
        return new LifetimeValues(start, end, horizonWeeks, bgnbd.parameters(), spend.parameters(), values);
    }

    private void scoresChanged(TenantId tenant, CustomerId id) {
        Tracking t = tracked.get(tenant);
        if (t != null) {
            t.scoresChanged(id);
        }
    }

    /** The tenant's interactions, read page by page with the store's streaming scan. */
    private Iterable<Interaction> interactions(TenantId tenant) {
        return Pages.all(cursor -> engine.interactions().scan(tenant, cursor, InteractionStore.MAX_PAGE_SIZE));
    }

    private void observe(DomainEvent event) {
        if (event instanceof DomainEvent.InteractionRecorded e) {
            live.record(e.interaction());
        }
        Tracking t = tracked.get(event.tenant());
        if (t != null) {
            t.apply(event);
        }
    }
}
