package org.crmkit.consent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.crmkit.consent.internal.CustomerConsents;
import org.crmkit.consent.internal.Decider;
import org.crmkit.consent.internal.KeyedHashes;
import org.crmkit.consent.internal.MergeCarryOver;
import org.crmkit.consent.internal.Salts;
import org.crmkit.consent.internal.Seam;
import org.crmkit.consent.internal.StateFold;
import org.crmkit.consent.internal.TenantLedger;
import org.crmkit.consent.internal.TokenCodec;
import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.LedgerErasure;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/**
 * The consent engine: records consent events in each tenant's hash-chained ledger, derives states, keeps the
 * do-not-contact list, and {@link #decide decides} whether a customer may be contacted — the only gate campaigns
 * use. Its durable state is the {@link Storage}'s: the ledger ({@link Storage#consents()}), the list
 * ({@link Storage#suppressions()}) and the outbox of domain events.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Derived state.</b> A consent's state at an instant is decided by its latest event at or before it
 *       ({@link ConsentState}); an opt-in past its validity is {@code EXPIRED}, a double opt-in request past its
 *       window {@code LAPSED}. A later event always replaces an earlier one: a withdrawal wins over every earlier
 *       opt-in. For contact at one contact point, the point's own consent and the channel-wide consent compete, and
 *       the later recorded wins.</li>
 *   <li><b>Time.</b> An event's instant is its evidence's capture instant. It may not be after the clock's present
 *       ({@link FutureEventException}) nor before the customer's latest event ({@link ValidationException}), so each
 *       customer's events are in time order and {@link #statusAt} answers for any past instant.</li>
 *   <li><b>Writes</b> run as one unit of the storage ({@link Storage#atomically}) holding the customer's lock (the
 *       suppression list: a lock of the contact point's hash), shared by every engine on the storage: the ledger
 *       entry (or the list's change) and its domain event in the outbox ({@link DomainEvent.ConsentChanged} for
 *       given, withdrawn, pending, expired and carried consents; {@link DomainEvent.ContactSuppressed},
 *       {@link DomainEvent.ContactLifted}) commit together or not at all. Called inside a unit of the caller, a write
 *       joins it. Every refused write throws before anything is written: the ledger is as it was.</li>
 *   <li><b>Decisions</b> read an in-memory index of every customer's current state, the suppression set, and the
 *       {@link ContactPressure}; never the ledger. The index is a cache of the storage, never ahead of what
 *       committed: an engine takes in its own writes when their unit committed.</li>
 *   <li><b>Several engines, one storage.</b> Engines sharing a storage (in one process or several) all write to the
 *       one ledger: a write reads the entries appended since the engine's index was last brought up to date, decides
 *       on the customer's state as it stands, and appends after the last entry; an append that loses to another
 *       engine's is retried. Decisions and reads of an engine reflect the writes of the others within the
 *       {@linkplain Builder#staleness staleness bound}: at most once per bound (per tenant, by the engine's clock) a
 *       call brings the index up to date, reading the ledger entries after its head and, if the list's
 *       {@linkplain SuppressionStore#version version} changed, the list; the calls in between read memory only. A
 *       bound of zero reads through on every call.</li>
 *   <li><b>Merges</b> ({@link #customersMerged}): the survivor is never allowed what either customer refused. See
 *       there for the whole rule; the ledger records what a merge carried over.</li>
 *   <li><b>Erasure</b> ({@link #erase}) removes a customer's personal data from the ledger (which still verifies),
 *       from the index and from the engine's memory of the customer; an erased id given to someone else later
 *       starts with no consent, in this engine, in others and after a restart.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ConsentService {
    /**
     * The longest an unsubscribe token may stay valid: ten years, longer than a message stays in an inbox (and an
     * expiry the clock can always compute).
     */
    public static final Duration MAX_TOKEN_VALIDITY = Duration.ofDays(3_653);

    /** How often a write follows its customer into a merge that won the race for its lock. */
    private static final int MAX_MERGE_RACES = 16;

    private final Storage storage;
    private final ConsentStore store;
    private final SuppressionStore suppressions;
    private final CustomerDirectory directory;
    private final Clock clock;
    private final ConsentPolicy policy;
    private final ContactPressure pressure;
    private final KeyedHashes hashes;
    private final TokenCodec tokens;
    private final Decider decider;
    private final Seam seam;
    private final Map<TenantId, TenantLedger> ledgers = new ConcurrentHashMap<>();

    private ConsentService(Builder b) {
        this.storage = b.storage;
        this.store = b.storage.consents();
        this.suppressions = b.storage.suppressions();
        this.directory = b.directory;
        this.clock = b.clock;
        this.policy = b.policy;
        this.pressure = b.pressure;
        this.hashes = new KeyedHashes(b.hmacKey);
        this.tokens = new TokenCodec(hashes);
        this.decider = new Decider(policy, directory, pressure, hashes);
        this.seam = new Seam(storage, clock, b.staleness, new Salts(b.salts), b.eventIds, b.listener);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ConsentPolicy policy() {
        return policy;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The tenant's ledger as this engine knows it, loaded on first use; outside the map's lock, as a store's read may
     * wait for a unit that itself asks for the ledger (two first uses at once may both load, one is kept).
     */
    private TenantLedger ledger(TenantId tenant) {
        Checks.notNull(tenant, "tenant");
        TenantLedger ledger = ledgers.get(tenant);
        if (ledger == null) {
            TenantLedger loaded = TenantLedger.load(tenant, seam);
            ledger = ledgers.putIfAbsent(tenant, loaded);
            return ledger != null ? ledger : loaded;
        }
        return ledger;
    }

    /** The tenant's ledger as this engine knows it, brought up to date if the staleness bound has passed. */
    private TenantLedger fresh(TenantId tenant) {
        TenantLedger ledger = ledger(tenant);
        ledger.syncIfDue();
        return ledger;
    }

    // ------------------------------------------------------------------------------------------------ decisions

    /**
     * Whether {@code customer} may be contacted on {@code channel} for {@code purpose} at {@code at} (now, or a
     * planned send time): {@link ContactDecision.Allowed} with the contact point to use, or
     * {@link ContactDecision.Denied} with every reason that applies. Judges validity periods and pressure windows
     * at {@code at}, against the ledger as it stands (within the staleness bound). Reads memory (and the
     * {@link CustomerDirectory}), and the storage once per staleness bound.
     *
     * @throws UnknownPurposeException if the policy does not know the purpose
     * @throws UnknownChannelException if the policy does not govern the channel
     */
    public ContactDecision decide(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose,
                                  Instant at) {
        Checks.notNull(customer, "customer");
        Checks.notNull(channel, "channel");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(at, "at");
        return decider.decide(fresh(Checks.notNull(tenant, "tenant")), tenant, customer, channel, purpose, at);
    }

    /**
     * The earliest instant after {@code at} at which {@link #decide(TenantId, CustomerId, ConsentChannel, Purpose,
     * Instant) decide} could answer differently with nothing recorded meanwhile: the end of the governing consent's
     * validity or confirmation window, or, when a pressure cap is reached, the instant its earliest counted send
     * leaves its window. Empty if only a write can change the decision. May be early, never late: what follows
     * decisions (tracked segments) decides again then.
     *
     * @throws UnknownPurposeException if the policy does not know the purpose
     * @throws UnknownChannelException if the policy does not govern the channel
     */
    public Optional<Instant> nextDecisionChange(TenantId tenant, CustomerId customer, ConsentChannel channel,
                                                Purpose purpose, Instant at) {
        Checks.notNull(customer, "customer");
        Checks.notNull(channel, "channel");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(at, "at");
        policy.rule(policy.defaultAudience(), channel, purpose);
        return decider.nextChange(fresh(Checks.notNull(tenant, "tenant")), tenant, customer, channel, purpose, at);
    }

    /** {@link #decide(TenantId, CustomerId, ConsentChannel, Purpose, Instant)} at the clock's present. */
    public ContactDecision decide(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose) {
        return decide(tenant, customer, channel, purpose, clock.instant());
    }

    // ---------------------------------------------------------------------------------------------------- writes

    /**
     * Records an opt-in. An implicit capture (a pre-ticked box left ticked, say) never downgrades an explicit
     * opt-in in force at the evidence's instant: it is not recorded, and the explicit consent stands.
     *
     * @return the consent's status now
     * @throws UnknownPurposeException   if the policy does not know the purpose
     * @throws UnknownChannelException   if the policy does not govern the channel
     * @throws MissingEvidenceException  if the rule requires the wording and the evidence has none
     * @throws FutureEventException      if the evidence is dated after the present
     * @throws ValidationException       if the capture is {@link Capture#DOUBLE_OPT_IN_CONFIRMED} (use
     *                                   {@link #confirm}) or the evidence is dated before the customer's latest
     *                                   event
     */
    public ConsentStatus optIn(TenantId tenant, CustomerId customer, ConsentScope scope, Capture capture,
                               Evidence evidence) {
        return optIn(tenant, customer, scope, capture, evidence, Optional.empty());
    }

    /**
     * Records an opt-in given until {@code endsAt} (a contest's closing date, say), or until the rule's validity
     * ends if that comes first: from then on the consent is {@link ConsentState#EXPIRED}. Otherwise as
     * {@link #optIn(TenantId, CustomerId, ConsentScope, Capture, Evidence)}.
     *
     * @throws ValidationException if {@code endsAt} is not after the evidence's instant, and as the other
     *                             {@code optIn}
     */
    public ConsentStatus optIn(TenantId tenant, CustomerId customer, ConsentScope scope, Capture capture,
                               Evidence evidence, Instant endsAt) {
        Checks.notNull(endsAt, "endsAt");
        Checks.notNull(evidence, "evidence");
        if (!endsAt.isAfter(evidence.capturedAt())) {
            throw new ValidationException("endsAt", "must be after the evidence's instant");
        }
        return optIn(tenant, customer, scope, capture, evidence, Optional.of(endsAt));
    }

    private ConsentStatus optIn(TenantId tenant, CustomerId customer, ConsentScope scope, Capture capture,
                                Evidence evidence, Optional<Instant> endsAt) {
        Checks.notNull(capture, "capture");
        ContactRule rule = checkedRule(tenant, customer, scope, evidence);
        requireWording(rule, scope, evidence);
        Optional<Instant> validUntil = Stream.concat(validUntil(rule, evidence).stream(), endsAt.stream())
                .min(Comparator.naturalOrder());
        ConsentEvent event = new ConsentEvent.OptedIn(scope, capture, evidence, validUntil);
        return write(tenant, customer, scope, c -> capture.isExplicit()
                || !explicitInForce(c.latest(scope), evidence.capturedAt()) ? event : null);
    }

    /** Whether {@code latest} (a scope's latest event, or null) is an explicit opt-in in force at {@code at}. */
    private static boolean explicitInForce(ConsentEvent latest, Instant at) {
        return StateFold.state(latest, at) == ConsentState.OPTED_IN && StateFold.capture(latest).isExplicit();
    }

    /**
     * Records an opt-out (a withdrawal, or an objection where no opt-in was needed). No wording is needed.
     *
     * @return the consent's status now
     * @throws UnknownPurposeException if the policy does not know the purpose
     * @throws UnknownChannelException if the policy does not govern the channel
     * @throws FutureEventException    if the evidence is dated after the present
     * @throws ValidationException     if the evidence is dated before the customer's latest event
     */
    public ConsentStatus optOut(TenantId tenant, CustomerId customer, ConsentScope scope, Evidence evidence) {
        checkedRule(tenant, customer, scope, evidence);
        ConsentEvent event = new ConsentEvent.OptedOut(scope, evidence);
        return write(tenant, customer, scope, c -> event);
    }

    /**
     * Records that a double opt-in confirmation was requested; the confirmation window is the policy's. If the
     * consent is already an explicit, valid opt-in, nothing is written (a repeated sign-up does not put a confirmed
     * subscriber back to pending).
     *
     * @return the consent's status now
     * @throws UnknownPurposeException  if the policy does not know the purpose
     * @throws UnknownChannelException  if the policy does not govern the channel
     * @throws MissingEvidenceException if the rule requires the wording and the evidence has none
     * @throws FutureEventException     if the evidence is dated after the present
     * @throws ValidationException      if the evidence is dated before the customer's latest event
     */
    public ConsentStatus requestConfirmation(TenantId tenant, CustomerId customer, ConsentScope scope,
                                             Evidence evidence) {
        ContactRule rule = checkedRule(tenant, customer, scope, evidence);
        requireWording(rule, scope, evidence);
        ConsentEvent event = new ConsentEvent.ConfirmationRequested(scope, evidence,
                evidence.capturedAt().plus(policy.confirmationWindow()));
        return write(tenant, customer, scope, c -> explicitInForce(c.latest(scope), evidence.capturedAt())
                ? null : event);
    }

    /**
     * Records the confirmation of a pending double opt-in: an explicit opt-in
     * ({@link Capture#DOUBLE_OPT_IN_CONFIRMED}) with the rule's validity.
     *
     * @return the consent's status now
     * @throws ConfirmationNotPendingException if no request is pending for the scope at the evidence's instant
     * @throws UnknownPurposeException         if the policy does not know the purpose
     * @throws UnknownChannelException         if the policy does not govern the channel
     * @throws FutureEventException            if the evidence is dated after the present
     */
    public ConsentStatus confirm(TenantId tenant, CustomerId customer, ConsentScope scope, Evidence evidence) {
        ContactRule rule = checkedRule(tenant, customer, scope, evidence);
        ConsentEvent event = new ConsentEvent.Confirmed(scope, evidence, validUntil(rule, evidence));
        return write(tenant, customer, scope, c -> {
            ConsentState state = StateFold.state(c.latest(scope), evidence.capturedAt());
            if (state == ConsentState.LAPSED) {
                throw new ConfirmationNotPendingException(scope, ConfirmationNotPendingException.Reason.LAPSED);
            }
            if (state != ConsentState.PENDING_CONFIRMATION) {
                throw new ConfirmationNotPendingException(scope,
                        ConfirmationNotPendingException.Reason.NOT_REQUESTED);
            }
            return event;
        });
    }

    /**
     * Records, for every consent of the tenant whose opt-in's validity has ended, that it expired: an
     * {@link ConsentEvent.Expired} entry at the present and a {@code ConsentChanged(EXPIRED)} event. Once per
     * consent: the entry is the consent's latest event, so a later call, another engine or a restarted one does not
     * record it again (until the person opts in again and that expires). Lapsed confirmation requests are not
     * recorded. For a host's scheduler; decisions do not depend on it (an opt-in past its validity is expired
     * whether or not this ran). Each customer's entries are one unit.
     *
     * @return how many expiries were recorded
     */
    public int expireDue(TenantId tenant) {
        TenantLedger ledger = ledger(tenant);
        ledger.sync();
        Instant now = clock.instant();
        int recorded = 0;
        for (CustomerId customer : ledger.withExpiredOptIns(now)) {
            recorded += storage.atomically(List.of(LockKey.customer(tenant, customer)), () -> {
                CustomerConsents current = ledger.current(customer);
                Instant at = later(now, current.lastAt());
                List<ConsentEvent> due = current.expiredOptIns(now);
                for (ConsentEvent e : due) {
                    ConsentEvent expired = new ConsentEvent.Expired(e.scope(), StateFold.capture(e),
                            Evidence.of(CaptureSource.of(CaptureSource.Kind.ENGINE, "expiry"), at),
                            StateFold.deadline(e));
                    ledger.append(customer, c -> expired, false);
                }
                return due.size();
            });
        }
        return recorded;
    }

    /**
     * {@link #expireDue(TenantId)} for every tenant this engine has used since it was built (read, decided on or
     * written to): what {@code Crm}'s event relay runs periodically.
     *
     * @return how many expiries were recorded
     */
    public int expireDue() {
        int recorded = 0;
        for (TenantId tenant : List.copyOf(ledgers.keySet())) {
            recorded += expireDue(tenant);
        }
        return recorded;
    }

    // ---------------------------------------------------------------------------------------------------- tokens

    /**
     * A signed token withdrawing the customer's consent to {@code channel} for {@code purpose}, valid for
     * {@code validFor} from now (rounded down to whole seconds): for an e-mail footer or a one-click link. Writes
     * nothing.
     *
     * @throws UnknownPurposeException if the policy does not know the purpose
     * @throws UnknownChannelException if the policy does not govern the channel
     * @throws ValidationException     if {@code validFor} is shorter than a second or longer than
     *                                 {@link #MAX_TOKEN_VALIDITY}
     */
    public String issueUnsubscribeToken(TenantId tenant, CustomerId customer, ConsentChannel channel,
                                        Purpose purpose, Duration validFor) {
        Checks.notNull(validFor, "validFor");
        if (validFor.isNegative() || validFor.getSeconds() < 1) {
            throw new ValidationException("validFor", "must be at least one second");
        }
        if (validFor.compareTo(MAX_TOKEN_VALIDITY) > 0) {
            throw new ValidationException("validFor", "must be at most " + MAX_TOKEN_VALIDITY.toDays() + " days");
        }
        policy.rule(policy.defaultAudience(), Checks.notNull(channel, "channel"), Checks.notNull(purpose, "purpose"));
        return tokens.issue(new UnsubscribeToken(tenant, customer, channel, purpose,
                clock.instant().plus(validFor)));
    }

    /**
     * The claims of a genuine, unexpired token. Writes nothing.
     *
     * @throws InvalidTokenException if the token is malformed, forged or altered, or expired
     */
    public UnsubscribeToken verifyUnsubscribeToken(String token) {
        Checks.notNull(token, "token");
        return tokens.verify(token, clock.instant());
    }

    /**
     * Withdraws, now, every consent that could allow the token's purpose on its channel: the channel-wide one and
     * each one limited to a contact point, with evidence from source {@code UNSUBSCRIBE_LINK}, in one unit. Consents
     * opted out already are left as they are, so clicking twice is harmless and writes nothing.
     *
     * @return the channel-wide consent's status now
     * @throws InvalidTokenException   if the token is malformed, forged or altered, or expired (nothing changes)
     * @throws UnknownPurposeException if the policy no longer knows the token's purpose
     */
    public ConsentStatus unsubscribe(String token) {
        UnsubscribeToken claims = verifyUnsubscribeToken(token);
        ConsentScope scope = ConsentScope.of(claims.channel(), claims.purpose());
        Evidence evidence = Evidence.of(CaptureSource.of(CaptureSource.Kind.UNSUBSCRIBE_LINK, "unsubscribe-token"),
                clock.instant());
        checkedRule(claims.tenant(), claims.customer(), scope, evidence);
        return writeAll(claims.tenant(), claims.customer(), scope, c -> withdrawals(c, List.of(scope), evidence));
    }

    /**
     * Records the customer's objection to direct marketing (GDPR art. 21(3)), as easy as one call: an opt-out of
     * every purpose of {@link ConsentPolicy#directMarketing()} on every channel the policy governs, channel-wide and
     * for each consent limited to a contact point, in one unit. Consents opted out already stay as they are, so a
     * second objection writes nothing.
     *
     * @return the channel-wide consents of those purposes now, by channel, then purpose
     * @throws FutureEventException if the evidence is dated after the present
     * @throws ValidationException  if the evidence is dated before the customer's latest event
     */
    public List<ConsentStatus> objectToDirectMarketing(TenantId tenant, CustomerId customer, Evidence evidence) {
        List<ConsentScope> scopes = new ArrayList<>();
        for (ConsentChannel channel : policy.channels()) {
            for (Purpose purpose : policy.directMarketing()) {
                scopes.add(ConsentScope.of(channel, purpose));
            }
        }
        if (scopes.isEmpty()) {
            return List.of();
        }
        checkedRule(tenant, customer, scopes.get(0), evidence);
        writeAll(tenant, customer, scopes.get(0), c -> withdrawals(c, scopes, evidence));
        return scopes.stream().map(scope -> status(tenant, current(tenant, customer), scope)).toList();
    }

    /**
     * The opt-outs that withdraw every consent of {@code c} that could allow contact in one of the channel-wide
     * {@code scopes}: each of those scopes, and each consent limited to a contact point with a scope's channel and
     * purpose, unless opted out already.
     */
    private static List<ConsentEvent> withdrawals(CustomerConsents c, List<ConsentScope> scopes, Evidence evidence) {
        List<ConsentEvent> withdrawals = new ArrayList<>();
        for (ConsentScope scope : scopes) {
            if (!(c.latest(scope) instanceof ConsentEvent.OptedOut)) {
                withdrawals.add(new ConsentEvent.OptedOut(scope, evidence));
            }
        }
        for (ConsentEvent latest : c.events()) {
            ConsentScope own = latest.scope();
            if (own.contactPoint().isPresent() && !(latest instanceof ConsentEvent.OptedOut)
                    && scopes.contains(ConsentScope.of(own.channel(), own.purpose()))) {
                withdrawals.add(new ConsentEvent.OptedOut(own, evidence));
            }
        }
        return withdrawals;
    }

    // ----------------------------------------------------------------------------------------------- suppression

    /**
     * Puts a contact point on the tenant's do-not-contact list (only its keyed hash is stored), with a
     * {@code ContactSuppressed} event. Idempotent: a point listed already keeps its earlier entry, which is returned,
     * and no event is written.
     */
    public SuppressionEntry suppress(TenantId tenant, ContactValue point, SuppressionReason reason) {
        Checks.notNull(point, "point");
        Checks.notNull(reason, "reason");
        TenantLedger ledger = ledger(tenant);
        Hash256 hash = hashes.contactHash(point);
        return storage.atomically(List.of(listLock(tenant, hash)), () -> {
            Instant now = clock.instant();
            SuppressionEntry mine = new SuppressionEntry(tenant, hash, point.kind(), reason, now);
            long before = suppressions.version(tenant);
            SuppressionEntry listed = suppressions.suppress(mine);
            if (listed.equals(mine)) {
                long after = suppressions.version(tenant);
                storage.outbox().append(new DomainEvent.ContactSuppressed(seam.eventIds().get(), tenant, now, hash,
                        point.kind(), reason));
                storage.afterCommit(() -> {
                    ledger.listChanged(hash, true, before, after);
                    seam.listener().contactChanged(tenant, point);
                });
            }
            return listed;
        });
    }

    /** Takes a contact point off the list, with a {@code ContactLifted} event; returns whether it was listed. */
    public boolean lift(TenantId tenant, ContactValue point) {
        Checks.notNull(point, "point");
        TenantLedger ledger = ledger(tenant);
        Hash256 hash = hashes.contactHash(point);
        return storage.atomically(List.of(listLock(tenant, hash)), () -> {
            long before = suppressions.version(tenant);
            boolean lifted = suppressions.lift(tenant, hash);
            if (lifted) {
                long after = suppressions.version(tenant);
                storage.outbox().append(new DomainEvent.ContactLifted(seam.eventIds().get(), tenant, clock.instant(),
                        hash));
                storage.afterCommit(() -> {
                    ledger.listChanged(hash, false, before, after);
                    seam.listener().contactChanged(tenant, point);
                });
            }
            return lifted;
        });
    }

    /** The lock of a contact point on the list: its keyed hash, never the point. */
    private static LockKey listLock(TenantId tenant, Hash256 hash) {
        return new LockKey(tenant, "suppression", hash.hex());
    }

    /** Whether a contact point is on the tenant's do-not-contact list. */
    public boolean isSuppressed(TenantId tenant, ContactValue point) {
        Checks.notNull(point, "point");
        return fresh(tenant).isSuppressed(hashes.contactHash(point));
    }

    // ---------------------------------------------------------------------------------------- merges and erasure

    /**
     * Carries the consents of {@code merged} over to {@code survivor}, which it was merged into, so that the
     * survivor is never allowed what either customer refused. {@code Crm} calls it inside the merge's unit; called
     * alone it is a unit of its own, holding both customers' locks.
     *
     * <p>The rule, applied to each consent (channel, purpose, optional contact point) of the merged customer, judged
     * at the merge:
     * <ul>
     *   <li><b>Refusals win.</b> Every consent the merged customer withdrew is withdrawn for the survivor too, over
     *       whatever the survivor had consented to, for the same scope: a channel-wide refusal everywhere, a refusal
     *       limited to a contact point at that point (which matters once the point is the survivor's, as survivorship
     *       may make it).</li>
     *   <li><b>Consents fill gaps only.</b> A valid opt-in or a pending double opt-in confirmation of the merged
     *       customer is carried over (with its capture, validity or confirmation window) only if the survivor has
     *       nothing that holds for that channel and purpose, for the channel or any point: no valid opt-in, no
     *       pending confirmation, no opt-out. Otherwise the survivor's own consents and refusals stand.</li>
     *   <li>Expired opt-ins, lapsed requests and erased consents are not carried.</li>
     *   <li>The ledger records the merge: each carried consent is an entry for the survivor, in the merged customer's
     *       order, at the merge's instant, whose evidence names it (source {@link CaptureSource.Kind#MERGE}, the
     *       merged customer's id as reference, the wording the person saw; the technical proof stays in the merged
     *       customer's own entries), with a {@code ConsentChanged} event.</li>
     *   <li>Later events on the survivor apply as usual: an opt-in given after the merge wins over a carried
     *       refusal. Merge chains carry what each step carried on. The merged customer's own entries stay.</li>
     * </ul>
     *
     * @throws ValidationException if the two ids are the same
     */
    public void customersMerged(TenantId tenant, CustomerId survivor, CustomerId merged) {
        Checks.notNull(tenant, "tenant");
        if (Checks.notNull(survivor, "survivor").equals(Checks.notNull(merged, "merged"))) {
            throw new ValidationException("merged", "a customer cannot be merged into itself");
        }
        TenantLedger ledger = ledger(tenant);
        storage.atomically(List.of(LockKey.customer(tenant, survivor), LockKey.customer(tenant, merged)), () -> {
            CustomerConsents kept = ledger.current(survivor);
            Instant at = later(clock.instant(), kept.lastAt());
            for (ConsentEvent carried : MergeCarryOver.carried(kept, ledger.current(merged), merged, at)) {
                ledger.append(survivor, c -> carried, false);
            }
        });
    }

    /**
     * Erases what the ledger and the engine keep of these customers' personal data (the right to erasure): one
     * person, a customer and those merged into it. {@code Crm} calls it inside the erasure's unit; called alone it is
     * a unit of its own, holding the customers' locks.
     * <ul>
     *   <li>For each consent a customer has, an {@link ConsentEvent.Erased} entry is appended (in erased form), which
     *       ends the consent for this engine, for others on the storage and for any engine rebuilding its index: an
     *       id given to someone else later starts with no consent.</li>
     *   <li>Then every ledger entry of the customers is replaced by its erased form through the store's
     *       {@link LedgerErasure}: no contact point, capture reference or technical proof remains, and
     *       {@link #verify} still passes.</li>
     *   <li>Once the unit committed, the engine forgets the customers' consents and what it remembered of their
     *       contact points.</li>
     *   <li>The suppression list keeps its keyed hashes: that is its purpose.</li>
     * </ul>
     * Idempotent: erasing again appends and changes nothing.
     *
     * @return how many ledger entries had personal data erased (0 if the customers had no consents left to erase)
     *
     * @throws UnsupportedCapabilityException if the consent store does not offer {@link LedgerErasure}; nothing is
     *                                        erased
     */
    public long erase(TenantId tenant, Set<CustomerId> customers) {
        Checks.notNull(tenant, "tenant");
        SortedSet<CustomerId> erased = new TreeSet<>(Checks.noNullElements(customers, "customers"));
        LedgerErasure erasure = store.capability(LedgerErasure.class).orElseThrow(() ->
                new UnsupportedCapabilityException("ledger erasure (the consent store does not offer LedgerErasure)"));
        TenantLedger ledger = ledger(tenant);
        return storage.atomically(erased.stream().map(c -> LockKey.customer(tenant, c)).toList(), () -> {
            for (CustomerId customer : erased) {
                CustomerConsents current = ledger.current(customer);
                Evidence evidence = Evidence.of(CaptureSource.of(CaptureSource.Kind.ENGINE, "erasure"),
                        later(clock.instant(), current.lastAt()));
                for (ConsentEvent e : current.eventsInLedgerOrder()) {
                    ConsentEvent end = new ConsentEvent.Erased(e.scope(), evidence);
                    ledger.append(customer, c -> end, true);
                }
            }
            long redacted = erasure.erase(tenant, erased);
            storage.afterCommit(() -> ledger.forget(erased));
            return redacted;
        });
    }

    /**
     * Takes note that a message was sent, for the contact-pressure caps: forwarded to the
     * {@link ContactPressure#recordSent} of the configured counter (the {@link InMemoryContactPressure} by default;
     * an {@link InteractionContactPressure} records a {@code message_sent} interaction, as {@code Crm}'s does).
     *
     * @throws UnsupportedOperationException if the counter cannot record sends
     */
    public void recordSent(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose,
                           Instant at) {
        pressure.recordSent(tenant, customer, channel, purpose, at);
        seam.listener().customerChanged(tenant, customer);
    }

    // ----------------------------------------------------------------------------------------------------- reads

    /** The consent's status now, from the in-memory index. */
    public ConsentStatus status(TenantId tenant, CustomerId customer, ConsentScope scope) {
        Checks.notNull(customer, "customer");
        Checks.notNull(scope, "scope");
        return StateFold.status(customer, scope, fresh(tenant).consents(customer).latest(scope), clock.instant());
    }

    /**
     * The consent's status at any instant, past or future (the auditor's question), from the customer's ledger
     * entries since the id's last erasure: the latest event of exactly this scope at or before {@code at} decides.
     */
    public ConsentStatus statusAt(TenantId tenant, CustomerId customer, ConsentScope scope, Instant at) {
        Checks.notNull(customer, "customer");
        Checks.notNull(scope, "scope");
        Checks.notNull(at, "at");
        List<LedgerEntry> entries = sinceErasure(history(tenant, customer));
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).event().at().isAfter(at)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        for (int i = lo - 1; i >= 0; i--) {
            ConsentEvent e = entries.get(i).event();
            if (e.scope().equals(scope)) {
                return StateFold.status(customer, scope, e, at);
            }
        }
        return ConsentStatus.none(customer, scope, at);
    }

    /**
     * The entries after the last erased one: those of whoever holds the id since its last erasure. An erasure erases
     * every entry about the id up to then ({@link LedgerErasure#erase}), so the erased entries are a prefix of the
     * id's history (none if the first entry is whole), and a binary search finds its end.
     */
    private static List<LedgerEntry> sinceErasure(List<LedgerEntry> entries) {
        if (entries.isEmpty() || !entries.get(0).isErased()) {
            return entries;
        }
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).isErased()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return entries.subList(lo, entries.size());
    }

    /** Every consent of the customer with at least one event, judged now, by channel, purpose and contact point. */
    public List<ConsentStatus> consents(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        Instant now = clock.instant();
        List<ConsentStatus> result = new ArrayList<>();
        for (ConsentEvent e : fresh(tenant).consents(customer).events()) {
            result.add(StateFold.status(customer, e.scope(), e, now));
        }
        result.sort(Comparator.comparing((ConsentStatus s) -> s.scope().channel())
                .thenComparing(s -> s.scope().purpose())
                .thenComparing(s -> s.scope().contactPoint().map(ContactValue::key).orElse("")));
        return List.copyOf(result);
    }

    /**
     * The ledger entries about the customer id, in ledger order, erased ones included (in erased form, with
     * {@link LedgerEntry#isErased()}): an id erased and given to someone else later lists the erased person's
     * entries before its own.
     */
    public List<LedgerEntry> history(TenantId tenant, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        return store.findByCustomer(tenant, customer);
    }

    /**
     * The consent receipt to hand to the customer: every consent, judged now, with its evidence, and the events since
     * the id's last erasure; erased entries are counted, not listed.
     */
    public ConsentReceipt receipt(TenantId tenant, CustomerId customer) {
        List<LedgerEntry> entries = history(tenant, customer);
        List<LedgerEntry> current = sinceErasure(entries);
        return new ConsentReceipt(tenant, customer, clock.instant(), consents(tenant, customer),
                current.stream().map(LedgerEntry::event).toList(), entries.size() - current.size());
    }

    /** The head of the tenant's ledger as this engine knows it (within the staleness bound), for anchoring. */
    public LedgerHead head(TenantId tenant) {
        return fresh(tenant).head();
    }

    /**
     * Reads the tenant's whole ledger from the store and checks it: every entry's tenant, gap-free sequence, link to
     * the entry before, and hash; and that the ledger reaches this engine's head unchanged (so entries removed from
     * the end are found too). Linear in the ledger's size. Changes nothing.
     */
    public LedgerVerification verify(TenantId tenant) {
        return ledger(tenant).verify(Optional.empty());
    }

    /** {@link #verify(TenantId)}, also checking that the ledger holds {@code anchor} unchanged. */
    public LedgerVerification verify(TenantId tenant, LedgerHead anchor) {
        return ledger(tenant).verify(Optional.of(Checks.notNull(anchor, "anchor")));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private ContactRule checkedRule(TenantId tenant, CustomerId customer, ConsentScope scope, Evidence evidence) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        Checks.notNull(scope, "scope");
        Checks.notNull(evidence, "evidence");
        Audience audience = directory.find(tenant, customer).map(policy::audienceOf)
                .orElse(policy.defaultAudience());
        ContactRule rule = policy.rule(audience, scope.channel(), scope.purpose());
        Instant now = clock.instant();
        if (evidence.capturedAt().isAfter(now)) {
            throw new FutureEventException(evidence.capturedAt(), now);
        }
        return rule;
    }

    private static void requireWording(ContactRule rule, ConsentScope scope, Evidence evidence) {
        if (rule.wordingRequired() && evidence.wording().isEmpty()) {
            throw new MissingEvidenceException("evidence.wording", "an opt-in to " + scope.channel() + "/"
                    + scope.purpose() + " must carry the wording the person saw");
        }
    }

    private static Optional<Instant> validUntil(ContactRule rule, Evidence evidence) {
        return rule.validity().map(p -> evidence.capturedAt().atOffset(ZoneOffset.UTC).plus(p).toInstant());
    }

    /**
     * Appends what {@code decide} makes of the current consents of {@code customer} — or of the survivor the
     * directory names for it, if it was merged away — in a unit holding that customer's lock, in which the survivor
     * is checked again (a merge that wins the race is followed).
     */
    private ConsentStatus write(TenantId tenant, CustomerId customer, ConsentScope scope,
                                Function<CustomerConsents, ConsentEvent> decide) {
        return writeAll(tenant, customer, scope, c -> {
            ConsentEvent event = decide.apply(c);
            return event == null ? List.of() : List.of(event);
        });
    }

    /**
     * {@link #write} of every event {@code decide} gives (none: nothing is written), in one unit; returns the status
     * of {@code scope} after them.
     */
    private ConsentStatus writeAll(TenantId tenant, CustomerId customer, ConsentScope scope,
                                   Function<CustomerConsents, List<ConsentEvent>> decide) {
        TenantLedger ledger = ledger(tenant);
        for (int attempt = 0; attempt < MAX_MERGE_RACES; attempt++) {
            CustomerId target = current(tenant, customer);
            Optional<ConsentStatus> done = storage.atomically(List.of(LockKey.customer(tenant, target)), () -> {
                if (!current(tenant, target).equals(target)) {
                    return Optional.empty();
                }
                CustomerConsents after = ledger.current(target);
                for (ConsentEvent event : decide.apply(after)) {
                    after = ledger.append(target, c -> event, false);
                }
                return Optional.of(StateFold.status(target, scope, after.latest(scope), clock.instant()));
            });
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw new IllegalStateException("customer " + customer + " kept being merged while its consent was recorded");
    }

    /** The customer the directory names for {@code customer} (its survivor, if merged away), or itself if unknown. */
    private CustomerId current(TenantId tenant, CustomerId customer) {
        return directory.find(tenant, customer).map(Customer::id).orElse(customer);
    }

    /** {@code now}, or {@code latest} if the clock is behind it (a customer's events never go back in time). */
    private static Instant later(Instant now, Instant latest) {
        return now.isBefore(latest) ? latest : now;
    }

    /**
     * Builds a {@link ConsentService}. Each option may be set once and is checked when set: a wrong value fails in
     * its setter ({@link ValidationException}), a second setting with {@link IllegalStateException};
     * {@link #build()} checks that the required parts are set. Not thread-safe.
     */
    public static final class Builder {
        /** The smallest host key: 256 bits. */
        public static final int MIN_KEY_BYTES = 32;
        private static final Duration DEFAULT_STALENESS = Duration.ofSeconds(1);

        private Storage storage;
        private CustomerDirectory directory;
        private Clock clock;
        private ConsentPolicy policy;
        private ContactPressure pressure;
        private byte[] hmacKey;
        private Supplier<EventId> eventIds;
        private Long staleness;
        private RandomGenerator salts;
        private DecisionListener listener;

        private Builder() {
        }

        /** The storage whose ledger, suppression list, outbox and units the engine uses (required). */
        public Builder storage(Storage engineStorage) {
            this.storage = once(storage, engineStorage, "storage");
            return this;
        }

        /** Where customers are found, e.g. {@code customerStore::findById} (required). */
        public Builder customers(CustomerDirectory customers) {
            this.directory = once(directory, customers, "customers");
            return this;
        }

        /** The clock of every instant and of the staleness bound (default: the UTC system clock). */
        public Builder clock(Clock engineClock) {
            this.clock = once(clock, engineClock, "clock");
            return this;
        }

        /** The policy (default: {@link ConsentPolicy#defaults()}). */
        public Builder policy(ConsentPolicy consentPolicy) {
            this.policy = once(policy, consentPolicy, "policy");
            return this;
        }

        /** The pressure counter (default: a new {@link InMemoryContactPressure}). */
        public Builder contactPressure(ContactPressure contactPressure) {
            this.pressure = once(pressure, contactPressure, "contactPressure");
            return this;
        }

        /** Who hears whose decisions a write may have changed (default {@link DecisionListener#NONE}). */
        public Builder decisionListener(DecisionListener decisionListener) {
            this.listener = once(listener, decisionListener, "decisionListener");
            return this;
        }

        /** The ids of the domain events the engine writes (default: random UUIDs). Must be thread-safe. */
        public Builder eventIds(Supplier<EventId> ids) {
            this.eventIds = once(eventIds, ids, "eventIds");
            return this;
        }

        /**
         * How old the engine's memory of the storage may grow: decisions and reads reflect writes made through other
         * engines on the same storage at most this long after they committed, by the engine's clock, in whole
         * milliseconds (rounded down). Zero reads the storage on every call. Default 1 second.
         *
         * @throws ValidationException if the bound is negative
         */
        public Builder staleness(Duration bound) {
            Checks.notNull(bound, "staleness");
            if (bound.isNegative()) {
                throw new ValidationException("staleness", "must not be negative (" + bound + ")");
            }
            once(staleness, "staleness");
            this.staleness = bound.compareTo(Duration.ofMillis(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE
                    : bound.toMillis();
            return this;
        }

        /**
         * Where the salts of ledger entries come from (default: a new {@link SecureRandom}). The salts guard erased
         * personal data against guessing, so give an unpredictable source; a seeded one is for tests only. Used by
         * one thread at a time.
         */
        public Builder salts(RandomGenerator random) {
            this.salts = once(salts, random, "salts");
            return this;
        }

        /**
         * The host's secret key (required, at least {@value #MIN_KEY_BYTES} bytes, copied): signs unsubscribe tokens
         * and keys the hashes of suppressed contact points. Changing it invalidates every token issued and makes
         * every suppression entry unmatchable, so keep it as long as the list.
         */
        public Builder hmacKey(byte[] key) {
            Checks.notNull(key, "hmacKey");
            if (key.length < MIN_KEY_BYTES) {
                throw new ValidationException("hmacKey", "must have at least " + MIN_KEY_BYTES + " bytes ("
                        + key.length + ")");
            }
            this.hmacKey = once(hmacKey, key.clone(), "hmacKey");
            return this;
        }

        /**
         * The engine.
         *
         * @throws ValidationException if the storage, customer directory or key is missing
         */
        public ConsentService build() {
            require(storage, "storage");
            require(directory, "customers");
            require(hmacKey, "hmacKey");
            clock = clock != null ? clock : Clock.systemUTC();
            policy = policy != null ? policy : ConsentPolicy.defaults();
            pressure = pressure != null ? pressure : new InMemoryContactPressure();
            eventIds = eventIds != null ? eventIds : () -> EventId.of(UUID.randomUUID());
            staleness = staleness != null ? staleness : DEFAULT_STALENESS.toMillis();
            salts = salts != null ? salts : new SecureRandom();
            listener = listener != null ? listener : DecisionListener.NONE;
            return new ConsentService(this);
        }

        private static void require(Object part, String name) {
            if (part == null) {
                throw new ValidationException(name, "must be set");
            }
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
