package org.crmkit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.crmkit.analytics.AnalyticsService;
import org.crmkit.analytics.internal.CanContact;
import org.crmkit.analytics.internal.ReviewScheduler;
import org.crmkit.cache.CachingCustomerStore;
import org.crmkit.consent.ConsentPolicy;
import org.crmkit.consent.ConsentService;
import org.crmkit.consent.InteractionContactPressure;
import org.crmkit.customer.CustomerService;
import org.crmkit.customer.DuplicateMatcher;
import org.crmkit.customer.SurvivorshipPolicy;
import org.crmkit.event.EventService;
import org.crmkit.interaction.InteractionService;
import org.crmkit.internal.CustomerCacheStorage;
import org.crmkit.internal.DecisionRelay;
import org.crmkit.internal.Engine;
import org.crmkit.internal.EngineHooks;
import org.crmkit.internal.EventWriter;
import org.crmkit.internal.IdSource;
import org.crmkit.internal.Listeners;
import org.crmkit.internal.OutboxRelay;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.scoring.EngagementRules;
import org.crmkit.segmentation.PredicateFunction;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.event.EventSink;
import org.crmkit.spi.storage.Storage;
import org.crmkit.spi.storage.StorageConfiguration;
import org.crmkit.spi.storage.StorageProvider;

/**
 * The entry point of crmkit: one CRM engine over a {@link Storage} (every store port), a clock and the host's event
 * sink and listeners.
 *
 * <pre>{@code
 * try (Crm crm = Crm.builder()
 *         .clock(Clock.systemUTC())
 *         .eventSink(event -> bus.send(event))
 *         .build()) {                      // in-memory storage unless given or discovered
 *     Customer ann = crm.customers().register(TenantId.DEFAULT, Person.named("Ann", "Lee"),
 *             b -> b.contactPoint(ContactPoint.of(EmailAddress.parse("ann@example.com"), ContactUsage.HOME)));
 * }
 * }</pre>
 *
 * <p><b>Several engines, one storage.</b> Engines in one process or in several may share a storage: each answers
 * from it, and what an engine caches of it (the consent engine's index, a customer cache) is at most
 * {@link Builder#staleness} old. Events are relayed by one engine at a time.
 *
 * <p>Thread-safe: one instance serves every thread of the host. {@link #close()} stops the event relay's thread and
 * closes the storage if this engine opened it (through a {@link StorageProvider}, or the in-memory default).
 */
public final class Crm implements AutoCloseable {
    private final Engine engine;
    private final boolean ownsStorage;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final OutboxRelay relay;
    private final EventService events;
    private final CustomerService customers;
    private final InteractionService interactions;
    private final Optional<ConsentService> consents;
    private final AnalyticsService analytics;
    private final Optional<ReviewScheduler> reviews;

    private Crm(Engine engine, boolean ownsStorage, OutboxRelay relay, Listeners listeners, Builder b) {
        this.engine = engine;
        this.ownsStorage = ownsStorage;
        this.relay = relay;
        this.events = new EventService(listeners, relay, engine.storage().outbox(), engine.clock());
        this.customers = new CustomerService(engine,
                b.matcher != null ? b.matcher : DuplicateMatcher.sameEmailOrPhone(),
                b.survivorship != null ? b.survivorship : SurvivorshipPolicy.preferSurvivor());
        this.interactions = new InteractionService(engine, customers);
        DecisionRelay decisions = new DecisionRelay();
        this.consents = Optional.ofNullable(b.hmacKey).map(key -> consentService(engine, customers, interactions, b,
                key, decisions));
        SegmentCatalog.Builder catalog = SegmentCatalog.builder().attributes(engine.schema())
                .scores(AnalyticsService.SCORES);
        consents.ifPresent(c -> catalog.function(CanContact.function(c)));
        b.functions.forEach(catalog::function);
        b.interactionTypes.forEach(catalog::interactionType);
        this.analytics = new AnalyticsService(engine, catalog, b.zone != null ? b.zone : ZoneOffset.UTC,
                Optional.ofNullable(b.engagementRules), decisions);
        this.reviews = Optional.ofNullable(b.segmentReview).map(every -> new ReviewScheduler(analytics::reevaluate,
                every));
    }

    /**
     * The consent engine over the storage, taking part in the units of merges (it carries consents over to the
     * survivor) and erasures (it erases the ledger's personal data and its memory of the customers). Its directory
     * follows merges, so decisions and consents about a merged-away id are the survivor's.
     */
    private static ConsentService consentService(Engine engine, CustomerService customers,
                                                 InteractionService interactions, Builder b, byte[] key,
                                                 DecisionRelay decisions) {
        ConsentService consents = ConsentService.builder()
                .storage(engine.storage())
                .customers(customers::find)
                .clock(engine.clock())
                .eventIds(engine.ids()::eventId)
                .staleness(engine.staleness())
                .policy(b.consentPolicy != null ? b.consentPolicy : ConsentPolicy.defaults())
                .contactPressure(new InteractionContactPressure(engine.interactions(), interactions::record,
                        interactions::newId))
                .hmacKey(key)
                .decisionListener(decisions)
                .build();
        engine.hooks().add(new EngineHooks() {
            @Override
            public void merged(TenantId tenant, CustomerId survivor, CustomerId merged, Instant at) {
                consents.customersMerged(tenant, survivor, merged);
            }

            @Override
            public boolean erased(TenantId tenant, Set<CustomerId> ids) {
                return consents.erase(tenant, ids) > 0;
            }
        });
        return consents;
    }

    /** What the relay's thread runs periodically while this engine relays: the consent expiries of its tenants. */
    private void maintain() {
        consents.ifPresent(ConsentService::expireDue);
    }

    /** A builder with in-memory defaults for everything not set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Consent and permission marketing: the only gate a message passes.
     *
     * @throws UnsupportedCapabilityException if the builder was not given a {@link Builder#consentKey consent key}
     */
    public ConsentService consents() {
        return consents.orElseThrow(() -> new UnsupportedCapabilityException(
                "consent (give Crm.builder().consentKey(…) to enable it)"));
    }

    /** Segments, RFM, lifetime value and engagement scores over this engine's storage. */
    public AnalyticsService analytics() {
        return analytics;
    }

    public CustomerService customers() {
        return customers;
    }

    public InteractionService interactions() {
        return interactions;
    }

    /** Domain events: listeners, the backlog, delivery on demand. */
    public EventService events() {
        return events;
    }

    /**
     * The storage in use (given, opened through a discovered provider, or in memory), with the
     * {@link Builder#customerCache customer cache} in front of its customer store if one was asked for.
     */
    public Storage storage() {
        return engine.storage();
    }

    public Clock clock() {
        return engine.clock();
    }

    public AttributeSchema attributeSchema() {
        return engine.schema();
    }

    /**
     * Stops the segment review thread, if any, and the event relay (waiting for a delivery in progress), delivers the events that are due one last time,
     * gives up the relay's lease, and closes the storage if this engine opened it. Events that could not be
     * delivered stay in the outbox for the next engine on the storage. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            reviews.ifPresent(ReviewScheduler::close);
            relay.close();
        } finally {
            if (ownsStorage) {
                engine.storage().close();
            }
        }
    }

    /**
     * Wires a {@link Crm}. Each option may be set once and is checked when set: a wrong value fails in its setter,
     * not in {@link #build()}. Not thread-safe.
     *
     * <p>Storage: the one set with {@link #storage(Storage)} is used (and left to the host to close). Otherwise, if a
     * provider is named ({@link #storageProvider(String)}) or {@link #storageProperty properties} are set,
     * {@link StorageProvider}s are discovered with {@link ServiceLoader} and the named one, or the only one, is
     * opened with the properties (several found and none named is an error). With neither, the storage is a new
     * {@link InMemoryStorage}, whatever providers are on the class path: adding {@code crm-jpa} to a host does not
     * change its default.
     */
    public static final class Builder {
        private static final Duration DEFAULT_STALENESS = Duration.ofSeconds(1);

        private Storage storage;
        private String providerName;
        private final SortedMap<String, String> storageProperties = new TreeMap<>();
        private Duration staleness;
        private Long customerCache;
        private Clock clock;
        private Long seed;
        private EventSink eventSink;
        private Duration firstRetry;
        private Duration maxRetry;
        private Duration relayPoll;
        private Duration segmentReview;
        private Boolean relayThread;
        private Duration expiryCheck;
        private AttributeSchema schema;
        private String defaultRegion;
        private DuplicateMatcher matcher;
        private SurvivorshipPolicy survivorship;
        private ZoneId zone;
        private EngagementRules engagementRules;
        private final List<PredicateFunction> functions = new ArrayList<>();
        private final List<InteractionType> interactionTypes = new ArrayList<>();
        private byte[] hmacKey;
        private ConsentPolicy consentPolicy;

        private Builder() {
        }

        /** The storage of every store port; the host keeps it and closes it. Default: discovered or in memory. */
        public Builder storage(Storage storage) {
            this.storage = once(this.storage, storage, "storage");
            return this;
        }

        /** Chooses the discovered {@link StorageProvider} of this name. */
        public Builder storageProvider(String name) {
            once(providerName, "storageProvider");
            providerName = Checks.line(name, "storageProvider", 64);
            return this;
        }

        /** A property of the {@link StorageConfiguration} a discovered provider opens its storage with. */
        public Builder storageProperty(String name, String value) {
            Checks.token(name, "storageProperty", 128);
            if (storageProperties.containsKey(name)) {
                throw new IllegalStateException("storageProperty " + name + " was already set");
            }
            storageProperties.put(name, Checks.bounded(Checks.notNull(value, name), name, 4096));
            return this;
        }

        /**
         * How old what this engine caches of the storage may be: writes made through another engine on the same
         * storage are seen by this one's decisions and lookups at most this long after they committed. Zero reads
         * through on every call. Default 1 second.
         */
        public Builder staleness(Duration bound) {
            Checks.notNull(bound, "staleness");
            if (bound.isNegative()) {
                throw new ValidationException("staleness", "must not be negative (" + bound + ")");
            }
            this.staleness = once(this.staleness, bound, "staleness");
            return this;
        }

        /**
         * Caches customers read by id and by identity in front of the storage's customer store (Caffeine, at most
         * {@code maximumSize} entries each), for a storage that is slow to read. An entry is kept for the
         * {@link #staleness} bound (by the engine's clock), so that writes made through another engine are seen
         * within it; writes through this engine are seen at once. Without a staleness bound (zero) no cache is
         * made. Default: no cache.
         */
        public Builder customerCache(long maximumSize) {
            once(customerCache, "customerCache");
            this.customerCache = Checks.between(maximumSize, 1, Long.MAX_VALUE, "customerCache");
            return this;
        }

        /** The clock of every instant crmkit stamps; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        /**
         * The seed of generated ids (customers, interactions, events); default a random seed. Give every engine
         * sharing a storage a seed of its own.
         */
        public Builder seed(long seed) {
            once(this.seed, "seed");
            this.seed = seed;
            return this;
        }

        /** Where domain events go, after their writes committed; default nowhere. See {@link EventService}. */
        public Builder eventSink(EventSink sink) {
            this.eventSink = once(this.eventSink, sink, "eventSink");
            return this;
        }

        /**
         * The back-off after a failed delivery: {@code first} after the first failure, doubled after each further
         * one, never more than {@code maximum}. Default 1 second and 5 minutes.
         */
        public Builder eventRetry(Duration first, Duration maximum) {
            once(firstRetry, "eventRetry");
            positive(first, "eventRetry.first");
            positive(maximum, "eventRetry.maximum");
            if (maximum.compareTo(first) < 0) {
                throw new ValidationException("eventRetry.maximum", "must not be shorter than the first wait");
            }
            firstRetry = first;
            maxRetry = maximum;
            return this;
        }

        /**
         * How often the relay looks for events written by other engines on the storage (its own wake it at once);
         * default 100 milliseconds.
         */
        public Builder eventPolling(Duration interval) {
            this.relayPoll = once(this.relayPoll, positive(interval, "eventPolling"), "eventPolling");
            return this;
        }

        /**
         * Whether a background thread relays events (default {@code true}). Without it events are delivered only by
         * {@link EventService#flush()}: for tests, and for hosts that schedule delivery themselves.
         */
        public Builder eventRelayThread(boolean enabled) {
            once(this.relayThread, "eventRelayThread");
            this.relayThread = enabled;
            return this;
        }

        /**
         * How often the relay's thread records the consents whose validity ended
         * ({@link ConsentService#expireDue()}, with their {@code ConsentChanged(EXPIRED)} events) while this engine
         * relays; default every minute. Without the relay's thread, call {@code expireDue} yourself.
         */
        public Builder consentExpiryCheck(Duration interval) {
            this.expiryCheck = once(this.expiryCheck, positive(interval, "consentExpiryCheck"), "consentExpiryCheck");
            return this;
        }

        /**
         * Starts a thread of this engine that decides again, every {@code interval}, the tracked customers whose
         * segment memberships time alone may have changed ({@link AnalyticsService#reevaluate()}); closing the
         * engine stops it. Default: no thread, the host's scheduler calls {@code reevaluate}. Several engines on one
         * storage may each run it; one is enough.
         */
        public Builder segmentReview(Duration interval) {
            this.segmentReview = once(this.segmentReview, positive(interval, "segmentReview"), "segmentReview");
            return this;
        }

        /** The custom attributes customers may have; default none. */
        public Builder attributeSchema(AttributeSchema schema) {
            this.schema = once(this.schema, schema, "attributeSchema");
            return this;
        }

        /** The region (ISO 3166-1 alpha-2) national phone numbers are read in; default none (international only). */
        public Builder defaultPhoneRegion(String region) {
            once(defaultRegion, "defaultPhoneRegion");
            if (!PhoneNumber.supportedRegions().contains(Checks.notNull(region, "defaultPhoneRegion"))) {
                throw new ValidationException("defaultPhoneRegion", "unknown region; supported: "
                        + PhoneNumber.supportedRegions());
            }
            defaultRegion = region;
            return this;
        }

        /** How duplicates are recognised; default {@link DuplicateMatcher#sameEmailOrPhone()}. */
        public Builder duplicateMatcher(DuplicateMatcher matcher) {
            this.matcher = once(this.matcher, matcher, "duplicateMatcher");
            return this;
        }

        /** Which values survive a merge; default {@link SurvivorshipPolicy#preferSurvivor()}. */
        public Builder survivorship(SurvivorshipPolicy policy) {
            this.survivorship = once(this.survivorship, policy, "survivorship");
            return this;
        }

        /** The time zone of day windows in segments and of calendar dates in scoring; default UTC. */
        public Builder zone(ZoneId zone) {
            this.zone = once(this.zone, zone, "zone");
            return this;
        }

        /** Rules of the live {@code engagement} score (points per interaction, half-life); default none. */
        public Builder engagementRules(EngagementRules rules) {
            this.engagementRules = once(this.engagementRules, rules, "engagementRules");
            return this;
        }

        /** A host predicate segments may call, such as {@code in_region("north")}; may be given several times. */
        public Builder segmentFunction(PredicateFunction function) {
            functions.add(Checks.notNull(function, "segmentFunction"));
            return this;
        }

        /**
         * A host's own interaction type that segments may name, besides {@link InteractionType#STANDARD}; may be
         * given several times. A segment naming a type neither standard nor given here is refused when defined.
         */
        public Builder interactionType(InteractionType type) {
            interactionTypes.add(Checks.notNull(type, "interactionType"));
            return this;
        }

        /**
         * Enables consent: the host-held key (at least 32 bytes) that signs unsubscribe tokens and keys the hashes of
         * the suppression list. Keep it secret and stable: a new key invalidates tokens and suppression entries.
         */
        public Builder consentKey(byte[] key) {
            Checks.notNull(key, "consentKey");
            if (key.length < ConsentService.Builder.MIN_KEY_BYTES) {
                throw new ValidationException("consentKey", "shorter than " + ConsentService.Builder.MIN_KEY_BYTES
                        + " bytes");
            }
            this.hmacKey = once(this.hmacKey, key.clone(), "consentKey");
            return this;
        }

        /** The consent regime; default {@link ConsentPolicy#defaults()}. */
        public Builder consentPolicy(ConsentPolicy policy) {
            this.consentPolicy = once(this.consentPolicy, policy, "consentPolicy");
            return this;
        }

        /**
         * Builds the engine and starts its event relay.
         *
         * @throws ValidationException if several storage providers are discovered and none was chosen, or the
         *                             chosen one is not found, or it refuses the properties
         */
        public Crm build() {
            Clock c = clock != null ? clock : Clock.systemUTC();
            boolean owns = storage == null;
            boolean configured = providerName != null || !storageProperties.isEmpty();
            Storage s = storage != null ? storage : (configured ? discover() : Optional.<StorageProvider>empty())
                    .map(p -> p.open(new StorageConfiguration(storageProperties, c)))
                    .orElseGet(InMemoryStorage::new);
            Duration bound = staleness != null ? staleness : DEFAULT_STALENESS;
            if (customerCache != null && !bound.isZero()) {
                s = new CustomerCacheStorage(s, CachingCustomerStore.builder(s.customers()).maximumSize(customerCache)
                        .expireAfterWrite(bound).clock(c).build());
            }
            IdSource ids = new IdSource(seed != null ? seed : new SecureRandom().nextLong());
            Listeners listeners = new Listeners();
            OutboxRelay relay = new OutboxRelay(s.outbox(), c, ids.relayOwner(),
                    eventSink != null ? eventSink : EventSink.NONE, listeners,
                    firstRetry != null ? firstRetry : Duration.ofSeconds(1),
                    maxRetry != null ? maxRetry : Duration.ofMinutes(5),
                    relayPoll != null ? relayPoll : Duration.ofMillis(100));
            Engine engine = new Engine(s, c, ids, new EventWriter(s, ids, relay::wake), new CopyOnWriteArrayList<>(),
                    schema != null ? schema : AttributeSchema.empty(), defaultRegion, bound);
            Crm crm = new Crm(engine, owns, relay, listeners, this);
            if (relayThread == null || relayThread) {
                relay.start(crm::maintain, expiryCheck != null ? expiryCheck : Duration.ofMinutes(1));
            }
            return crm;
        }

        private Optional<StorageProvider> discover() {
            List<StorageProvider> found = ServiceLoader.load(StorageProvider.class).stream()
                    .map(ServiceLoader.Provider::get).collect(Collectors.toList());
            if (providerName != null) {
                return Optional.of(found.stream().filter(p -> p.name().equals(providerName)).findFirst()
                        .orElseThrow(() -> new ValidationException("storageProvider",
                                "no provider named '" + providerName + "' was discovered")));
            }
            if (found.size() > 1) {
                throw new ValidationException("storageProvider", "several providers were discovered ("
                        + found.stream().map(StorageProvider::name).sorted().collect(Collectors.joining(", "))
                        + "); choose one with storageProvider(name) or give a storage");
            }
            return found.stream().findFirst();
        }

        private static Duration positive(Duration d, String option) {
            Checks.notNull(d, option);
            if (d.isNegative() || d.isZero()) {
                throw new ValidationException(option, "must be positive (" + d + ")");
            }
            return d;
        }

        private static void once(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(option + " was already set");
            }
        }

        /** {@code value}, checked non-null, if {@code current} is not set yet. */
        private static <T> T once(T current, T value, String option) {
            once(current, option);
            return Checks.notNull(value, option);
        }
    }
}
