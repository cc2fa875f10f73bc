package org.crmkit.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.analytics.internal.AnalyticsHooks;
import org.crmkit.analytics.internal.BatchScores;
import org.crmkit.analytics.internal.OrderPurchases;
import org.crmkit.analytics.internal.Snapshots;
import org.crmkit.analytics.internal.StoredMemberships;
import org.crmkit.analytics.internal.StoredScores;
import org.crmkit.analytics.internal.Tracking;
import org.crmkit.consent.DecisionListener;
import org.crmkit.internal.DecisionRelay;
import org.crmkit.internal.Engine;
import org.crmkit.internal.Pages;
import org.crmkit.scoring.BgNbdModel;
import org.crmkit.scoring.ClusterModel;
import org.crmkit.scoring.Clustering;
import org.crmkit.scoring.ClvCalculator;
import org.crmkit.scoring.CurrencyConverter;
import org.crmkit.scoring.EngagementRules;
import org.crmkit.scoring.ExchangeRates;
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
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.SegmentQueryCapability;
import org.crmkit.spi.storage.LockKey;

/**
 * Segments and scores over the engine's storage: {@code crm.analytics()}.
 *
 * <ul>
 *   <li><b>Segments</b> are defined once per tenant in its {@link #catalog(TenantId) catalog} (text in the segment
 *       language, or the builder) and checked there against the attribute schema, the score names below and the registered functions
 *       ({@code can_contact(channel, purpose)} when consent is configured).</li>
 *   <li>{@link #members} answers from the storage when something in it offers {@link SegmentQueryCapability}
 *       (falling back when it refuses a node: {@link #pushdownRefusal} says why, and the fallback is logged at
 *       {@code DEBUG}), otherwise by evaluating every customer's snapshot in memory, on all
 *       cores.</li>
 *   <li>{@link #track} starts incremental tracking of a tenant: from then on every write through this engine
 *       re-decides the changed customer's tracked segments, and each entry or exit is written to the storage's
 *       membership store with its {@link DomainEvent.SegmentMembershipChanged}, in one unit.</li>
 *   <li><b>Scores</b> segments can read: {@code engagement} (live, when engagement rules are configured),
 *       {@code rfm.recency}, {@code rfm.frequency}, {@code rfm.monetary} (1 to the number of quantiles, after
 *       {@link #rfm} in one currency; no {@code rfm.monetary} for a customer none of whose orders has an amount),
 *       {@code rfm.cluster} (the typical profile, 0 to k - 1, after {@link #profiles}) and
 *       {@code clv.expected_value}, {@code clv.p_alive}, {@code clv.expected_purchases} (after
 *       {@link #lifetimeValues}). With engagement rules, a customer that never earned points has an engagement of
 *       0; any other score a customer lacks makes every comparison on it false. Batch, pushed-down and tracked
 *       evaluation read scores the same way.</li>
 * </ul>
 *
 * <h2>State</h2>
 * Scores and memberships live in the storage only ({@code storage.scores()}, {@code storage.memberships()}), so
 * engines sharing a storage, and an engine restarted on it, answer the same; this service keeps only its
 * configuration, the catalog and which tenants it tracks.
 * <ul>
 *   <li><b>Engagement</b> is stored as its value at a reference instant (the score's {@code asOf}: the latest
 *       instant an interaction earned points) and read decayed to now with the rules' half-life
 *       ({@link org.crmkit.scoring.EngagementState}). Recording an interaction that earns points updates it in the
 *       interaction's own storage unit, under the customer's lock, with a {@link DomainEvent.ScoreChanged}. Give
 *       every engine on a storage the same rules: an engine without rules leaves engagement alone and reads it as
 *       stored.</li>
 *   <li><b>Batch scores</b> ({@link #rfm}, {@link #profiles}, {@link #lifetimeValues}) are written per customer, 256
 *       customers per storage unit holding their locks; only scores whose value changed are written, each unit with
 *       one {@link DomainEvent.ScoreChanged} per changed customer (its {@code asOf} is the instant of the scoring
 *       that gave it its value). A customer a scoring does not score keeps its earlier scores, and so does a score
 *       a scoring does not compute for a customer (its {@code rfm.monetary} when it has no monetary value).</li>
 *   <li><b>Merges</b>: in the merge's unit the merged customer's scores are forgotten and it leaves every segment
 *       (with its events); the survivor's engagement takes in the merged customer's decayed points (its
 *       interactions are the survivor's now, and were counted when recorded). The survivor's batch scores stay as
 *       they were until the next batch scoring, which scores the joined history.</li>
 *   <li><b>Erasure</b>: in the erasure's unit every score of the erased customers is forgotten and they leave every
 *       segment (with their events).</li>
 *   <li><b>Tracking</b> re-decides a customer against every tracked segment, from its snapshot as stored, after
 *       each of its writes through this engine (in a unit of its own, right after the write committed, still
 *       holding its lock), and writes only the differences from the stored memberships. {@link #track} does the
 *       same for every customer of the tenant, so after a restart, or in a second engine on the same storage, it
 *       publishes only real differences. Every engine writing to a tracked tenant must track it. Consent changes
 *       re-decide the customers concerned (the holders of a contact point, for a suppression); a change of the
 *       tenant's catalog re-decides every customer; {@link #reevaluate} re-decides the customers whose memberships
 *       time alone may have changed, found through the reviews each decision schedules in the membership store.
 *       After every write has been followed, the stored memberships are those {@link #members} gives.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class AnalyticsService {
    /** The score names the catalog knows. */
    public static final Set<String> SCORES = Set.of(StoredScores.ENGAGEMENT, "rfm.recency", "rfm.frequency",
            "rfm.monetary", "rfm.cluster", "clv.expected_value", "clv.p_alive", "clv.expected_purchases");
    private static final System.Logger LOG = System.getLogger(AnalyticsService.class.getName());

    private final Engine engine;
    private final SegmentCatalog.Builder catalogs;
    private final Map<TenantId, SegmentCatalog> catalogByTenant = new ConcurrentHashMap<>();
    private final ZoneId zone;
    private final StoredScores scores;
    private final StoredMemberships memberships;
    private final BatchScores batch;
    private final Snapshots snapshots;
    private final Map<TenantId, Tracking> tracked = new ConcurrentHashMap<>();

    /**
     * Used by {@code Crm}: joins the engine's customer writes, observes its events and hears the consent engine's
     * changed decisions.
     *
     * @param catalogs what every tenant's catalog is built from (this service listens to them)
     * @param rules    the rules of the live engagement score, if the host configured them
     */
    public AnalyticsService(Engine engine, SegmentCatalog.Builder catalogs, ZoneId zone,
                            Optional<EngagementRules> rules, DecisionRelay decisions) {
        this.engine = engine;
        this.catalogs = catalogs.listener(this::catalogChanged);
        this.zone = zone;
        this.scores = new StoredScores(engine, rules.map(EngagementRules::halfLife));
        this.memberships = new StoredMemberships(engine);
        this.batch = new BatchScores(engine, scores);
        this.snapshots = new Snapshots(engine, scores);
        engine.hooks().add(new AnalyticsHooks(engine, rules, scores, memberships));
        engine.events().observe(this::observe);
        decisions.forwardTo(new DecisionListener() {
            @Override
            public void customerChanged(TenantId tenant, CustomerId customer) {
                reconcile(tenant, customer);
            }

            @Override
            public void contactChanged(TenantId tenant, ContactValue point) {
                if (tracked.containsKey(tenant)) {
                    engine.customers().findByContactPoint(tenant, point).forEach(c -> reconcile(tenant, c.id()));
                }
            }
        });
    }

    /**
     * The tenant's segment definitions; define its segments here. Each tenant has its own catalog (made on first
     * use, with the engine's attribute schema, scores and functions); defining, redefining or removing a segment of
     * a tracked tenant re-decides every customer of the tenant before it returns.
     */
    public SegmentCatalog catalog(TenantId tenant) {
        return catalogByTenant.computeIfAbsent(Checks.notNull(tenant, "tenant"), t -> catalogs.build());
    }

    /** A tenant's catalog changed: its tracking (if any) follows. */
    private void catalogChanged(SegmentCatalog changed) {
        catalogByTenant.forEach((tenant, catalog) -> {
            Tracking t = catalog == changed ? tracked.get(tenant) : null;
            if (t != null) {
                t.resync();
            }
        });
    }

    /** The time zone of day windows and calendar dates. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The customers of the tenant in {@code segment}, now.
     *
     * @throws NotFoundException if no such segment is defined
     */
    public Set<CustomerId> members(TenantId tenant, String segment) {
        SegmentCatalog catalog = catalog(tenant);
        SegmentDefinition resolved = catalog.resolve(segment);
        Instant now = engine.clock().instant();
        Optional<SegmentQueryCapability> query = engine.storage().capability(SegmentQueryCapability.class);
        if (query.isPresent() && query.get().refusal(resolved).isEmpty()) {
            try {
                return query.get().members(tenant, resolved, now, zone, scores.reading());
            } catch (UnsupportedCapabilityException refused) {
                LOG.log(System.Logger.Level.DEBUG, () -> "segment " + segment + " evaluated in memory: "
                        + refused.getMessage());
            }
        } else {
            LOG.log(System.Logger.Level.DEBUG, () -> "segment " + segment + " evaluated in memory: "
                    + refusal(query, resolved));
        }
        return SegmentEvaluator.of(catalog, Clock.fixed(now, zone), zone).members(segment,
                snapshots.all(tenant, now));
    }

    /**
     * Where {@link #members} evaluates a segment of the tenant: empty when the storage answers it with a query of its
     * own ({@link SegmentQueryCapability}, such as crm-jpa's SQL); otherwise why it is evaluated in memory over every
     * customer's snapshot instead — the storage offers no segment queries, or it names the node it cannot translate
     * (scores, host functions such as {@code can_contact}, regular expressions on crm-jpa). The answers are the
     * same either way; the cost is not. Reads no data. Thread-safe.
     *
     * @throws NotFoundException if no such segment is defined
     */
    public Optional<String> pushdownRefusal(TenantId tenant, String segment) {
        SegmentDefinition resolved = catalog(tenant).resolve(segment);
        Optional<SegmentQueryCapability> query = engine.storage().capability(SegmentQueryCapability.class);
        return query.isPresent() && query.get().refusal(resolved).isEmpty() ? Optional.empty()
                : Optional.of(refusal(query, resolved));
    }

    private static String refusal(Optional<SegmentQueryCapability> query, SegmentDefinition resolved) {
        return query.map(q -> q.refusal(resolved).orElse("the storage refused it"))
                .orElse("the storage offers no segment queries");
    }

    /**
     * Starts incremental tracking of the tenant's segments: re-decides every customer and writes the differences
     * from the stored memberships, with their events; from then on keeps them current with every write through this
     * engine, every consent change (when the {@code can_contact} function is used) and every change of the tenant's
     * catalog, and schedules each customer's next review for {@link #reevaluate}. Idempotent: tracking a tracked
     * tenant does nothing.
     */
    public void track(TenantId tenant) {
        Tracking t = new Tracking(engine, tenant, catalog(tenant), zone, snapshots, memberships, scores.halfLives());
        if (tracked.putIfAbsent(tenant, t) == null) {
            t.reconcileAll();
        }
    }

    /**
     * Decides again, at the clock's instant, the customers of a tracked tenant whose memberships time alone may have
     * changed since they were last decided: a window aged past one of their interactions, a decaying engagement
     * crossed a value a segment compares it with, a consent's validity ended, a pressure cap's window moved. Each
     * entry and exit is written with its event, as for any other change. Its cost is proportional to the customers
     * due, not to the tenant: each decision schedules the customer's next review in the membership store, so any
     * engine on the storage (one is enough) may call this, as often as memberships should follow the clock: from
     * the host's scheduler, or with {@code Crm.builder().segmentReview(interval)}. Runs chunks of customers on the
     * common fork-join pool and the calling thread. Does nothing for a tenant this engine does not track.
     *
     * @return how many customers were decided again
     */
    public int reevaluate(TenantId tenant) {
        Tracking t = tracked.get(Checks.notNull(tenant, "tenant"));
        return t == null ? 0 : t.reviewDue();
    }

    /** {@link #reevaluate(TenantId)} for every tenant this engine tracks; what the built-in scheduler runs. */
    public int reevaluate() {
        int decided = 0;
        for (TenantId tenant : List.copyOf(tracked.keySet())) {
            decided += reevaluate(tenant);
        }
        return decided;
    }

    /** Stops incremental tracking of the tenant by this engine; the stored memberships stay as they are. */
    public void untrack(TenantId tenant) {
        tracked.remove(Checks.notNull(tenant, "tenant"));
    }

    /**
     * The stored members of a tracked segment, or empty if this engine does not track the tenant.
     *
     * @throws NotFoundException if the tenant is tracked and the segment is not one of its tracked segments
     */
    public Optional<Set<CustomerId>> trackedMembers(TenantId tenant, String segment) {
        Tracking t = tracked.get(Checks.notNull(tenant, "tenant"));
        if (t == null) {
            return Optional.empty();
        }
        if (!t.segments().segments().contains(Checks.notNull(segment, "segment"))) {
            throw new NotFoundException("segment", segment);
        }
        return Optional.of(memberships.members(tenant, segment));
    }

    /**
     * The customer's latest value of a score as stored (engagement decayed to now), if it has one. With engagement
     * rules, every existing customer has an engagement (0 until it earns points).
     */
    public Optional<Double> score(TenantId tenant, CustomerId customer, String name) {
        Optional<Double> value = scores.valueAt(Checks.notNull(tenant, "tenant"),
                Checks.notNull(customer, "customer"), Checks.notNull(name, "name"), engine.clock().instant());
        return value.isPresent() && engine.customers().findById(tenant, customer).isEmpty() ? Optional.empty()
                : value;
    }

    /**
     * Scores every customer of the tenant with orders ({@code order_placed} interactions) on recency, frequency and
     * monetary value in {@code currency}, as of now, and stores the scores {@code rfm.recency}, {@code rfm.frequency}
     * and, for a customer with a monetary value, {@code rfm.monetary}. Orders in another currency are left out and
     * counted in {@link RfmAnalysis#excluded()}; orders without an amount count in recency and frequency only. The
     * rules are {@link RfmScorer}'s; {@link #rfm(TenantId, Currency, ExchangeRates)} converts instead.
     *
     * @throws ValidationException naming the argument if one is null
     */
    public RfmAnalysis rfm(TenantId tenant, Currency currency) {
        return rfm(tenant, currency, ExchangeRates.none());
    }

    /**
     * As {@link #rfm(TenantId, Currency)}, but an order in another currency is converted into {@code currency} with
     * {@code rates} at the instant it occurred, the product rounded half-even to the currency's default fraction
     * digits ({@link org.crmkit.scoring.CurrencyConverter}); an order whose currency the rates decline is left out
     * and counted. The whole analysis is computed before anything is stored: if the rates fail, nothing is stored.
     *
     * @throws ValidationException naming {@code rates} if the rates throw, answer null or give a rate of zero or
     *                             less; naming the argument if one is null
     */
    public RfmAnalysis rfm(TenantId tenant, Currency currency, ExchangeRates rates) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(currency, "currency");
        Checks.notNull(rates, "rates");
        Instant now = engine.clock().instant();
        RfmAnalysis analysis = RfmScorer.builder(currency).rates(rates).build().analyse(interactions(tenant), now);
        Map<CustomerId, List<Score>> computed = new LinkedHashMap<>();
        for (RfmScore s : analysis.scores()) {
            List<Score> scores = new ArrayList<>(3);
            scores.add(Score.of("rfm.recency", s.r(), now));
            scores.add(Score.of("rfm.frequency", s.f(), now));
            s.m().ifPresent(m -> scores.add(Score.of("rfm.monetary", m, now)));
            computed.put(s.customerId(), scores);
        }
        store(tenant, computed, now);
        return analysis;
    }

    /**
     * Typical profiles: k-means (k-means++ seeding with {@code seed}, several restarts, z-scored features) on the
     * customers' recency, frequency and monetary value of {@code analysis}; stores each customer's cluster as the
     * score {@code rfm.cluster}, so that a segment can refer to a profile ({@code rfm.cluster = 2}). Customers
     * without a monetary value take no part and get no cluster ({@link RfmAnalysis#featureRows()}).
     *
     * @throws ValidationException if {@code clusters} exceeds the number of distinct customers
     */
    public ClusterModel profiles(TenantId tenant, RfmAnalysis analysis, int clusters, long seed) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(analysis, "analysis");
        Instant now = engine.clock().instant();
        ClusterModel model = Clustering.builder(clusters, seed).build().fit(RfmAnalysis.FEATURE_NAMES,
                analysis.featureRows());
        int[] assigned = model.assignments();
        Map<CustomerId, List<Score>> computed = new LinkedHashMap<>();
        int row = 0;
        for (RfmScore s : analysis.scores()) {
            if (s.monetary().isPresent()) {
                computed.put(s.customerId(), List.of(Score.of("rfm.cluster", assigned[row++], now)));
            }
        }
        store(tenant, computed, now);
        return model;
    }

    /**
     * Fits BG/NBD and Gamma-Gamma to the tenant's orders in {@code currency} (calibration from the first order's
     * day to today in the engine's zone; same-day orders merged, weeks of 7 days), predicts every customer's value
     * over {@code horizonWeeks} and stores the {@code clv.*} scores. An order is a purchase when its amount is in
     * {@code currency} and not negative. Left out: orders in another currency and orders without an amount (the
     * Gamma-Gamma model pairs every purchase counted with its spend, so a purchase of unknown value is not counted),
     * both counted in {@link LifetimeValues#excluded()}, and refunds (negative amounts), which are not purchases.
     * {@link #lifetimeValues(TenantId, Currency, int, ExchangeRates)} converts instead.
     *
     * @throws ModelFitException   if the orders cannot identify the models (too few customers, no repeat buyers, …)
     * @throws ValidationException naming the argument if one is null
     */
    public LifetimeValues lifetimeValues(TenantId tenant, Currency currency, int horizonWeeks) {
        return lifetimeValues(tenant, currency, horizonWeeks, ExchangeRates.none());
    }

    /**
     * As {@link #lifetimeValues(TenantId, Currency, int)}, but an order in another currency is converted into
     * {@code currency} with {@code rates} at the instant it occurred, rounded half-even to the currency's default
     * fraction digits ({@link org.crmkit.scoring.CurrencyConverter}), and then counts as if recorded so (a refund
     * stays a refund); an order whose currency the rates decline is left out and counted. Everything is computed
     * before anything is stored: if the rates fail, nothing is stored.
     *
     * @throws ModelFitException   if the orders cannot identify the models
     * @throws ValidationException naming {@code rates} if the rates throw, answer null or give a rate of zero or
     *                             less; naming the argument if one is null
     */
    public LifetimeValues lifetimeValues(TenantId tenant, Currency currency, int horizonWeeks, ExchangeRates rates) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(currency, "currency");
        Checks.notNull(rates, "rates");
        Instant now = engine.clock().instant();
        OrderPurchases orders = OrderPurchases.of(interactions(tenant), CurrencyConverter.of(currency, rates), zone);
        List<Purchase> purchases = orders.purchases();
        LocalDate end = now.atZone(zone).toLocalDate();
        LocalDate start = purchases.stream().map(Purchase::date).min(Comparator.naturalOrder()).orElse(end);
        List<PurchaseSummary> summaries = PurchaseSummaries.summarize(purchases, start, end);
        BgNbdModel bgnbd = BgNbdModel.fit(summaries);
        GammaGammaModel spend = GammaGammaModel.fit(summaries);
        ClvCalculator clv = ClvCalculator.of(bgnbd, spend);
        List<CustomerValue> values = new ArrayList<>(summaries.size());
        Map<CustomerId, List<Score>> computed = new LinkedHashMap<>();
        for (PurchaseSummary s : summaries) {
            CustomerId id = CustomerId.of(s.customerKey());
            CustomerValue v = new CustomerValue(id, bgnbd.probabilityAlive(s),
                    bgnbd.conditionalExpectedPurchases(s, horizonWeeks), clv.lifetimeValue(s, horizonWeeks));
            values.add(v);
            computed.put(id, List.of(Score.of("clv.expected_value", v.expectedValue(), now),
                    Score.of("clv.p_alive", v.probabilityAlive(), now),
                    Score.of("clv.expected_purchases", v.expectedPurchases(), now)));
        }
        store(tenant, computed, now);
        values.sort(Comparator.comparingDouble(CustomerValue::expectedValue).reversed()
                .thenComparing(CustomerValue::customer, Comparator.comparing(CustomerId::value)));
        return new LifetimeValues(start, end, horizonWeeks, bgnbd.parameters(), spend.parameters(), values,
                orders.excluded());
    }

    /** Stores a batch scoring's results, re-deciding the tracked segments of each customer whose scores changed. */
    private void store(TenantId tenant, Map<CustomerId, List<Score>> computed, Instant at) {
        batch.write(tenant, computed, at, id -> {
            Tracking t = tracked.get(tenant);
            if (t != null) {
                t.reconcile(id);
            }
        });
    }

    /** The tenant's interactions, read page by page with the store's streaming scan. */
    private Iterable<Interaction> interactions(TenantId tenant) {
        return Pages.all(cursor -> engine.interactions().scan(tenant, cursor, InteractionStore.MAX_PAGE_SIZE));
    }

    /**
     * After a write of this engine committed (its locks still held): re-decides the tracked segments of the
     * customer it changed, in a unit of its own.
     */
    private void observe(DomainEvent event) {
        changed(event).ifPresent(id -> reconcile(event.tenant(), id));
    }

    /** Re-decides the customer's tracked segments in a unit of its own, if this engine tracks the tenant. */
    private void reconcile(TenantId tenant, CustomerId id) {
        Tracking t = tracked.get(tenant);
        if (t != null) {
            engine.storage().atomically(List.of(LockKey.customer(tenant, id)), () -> t.reconcile(id));
        }
    }

    /** The customer whose segments an event can change; none for the events analytics writes itself. */
    private static Optional<CustomerId> changed(DomainEvent event) {
        if (event instanceof DomainEvent.InteractionRecorded e && e.interaction().subject() instanceof Subject.Known k) {
            return Optional.of(k.customer());
        } else if (event instanceof DomainEvent.CustomerCreated e) {
            return Optional.of(e.customer().id());
        } else if (event instanceof DomainEvent.CustomerUpdated e) {
            return Optional.of(e.customer().id());
        } else if (event instanceof DomainEvent.CustomersMerged e) {
            return Optional.of(e.survivor().id());
        } else if (event instanceof DomainEvent.InteractionsReassigned e) {
            return Optional.of(e.to());
        }
        return Optional.empty();
    }
}
