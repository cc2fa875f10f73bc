package org.crmkit.spi.tck;

import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.InteractionType;

/**
 * Generators of random store scenarios for the model-based properties: short sequences of operations over the
 * small universes of {@link CustomerModel}, {@link InteractionModel}, {@link ScoreModel}, {@link MembershipModel}
 * and {@link OutboxModel}. Tenant 0 is drawn four times as often as tenant 1, so that most operations meet each
 * other.
 */
final class ModelArbitraries {
    private static final int MAX_OPERATIONS = 40;

    private ModelArbitraries() {
    }

    static Arbitrary<List<CustomerOp>> customerOperations() {
        return customerOperation().list().ofMaxSize(MAX_OPERATIONS);
    }

    private static Arbitrary<CustomerOp> customerOperation() {
        Arbitrary<Integer> id = Arbitraries.integers().between(0, CustomerModel.IDS - 1);
        Arbitrary<Set<Integer>> identities = Arbitraries.integers().between(0, CustomerModel.IDENTITIES - 1)
                .set().ofMaxSize(2);
        Arbitrary<Set<Integer>> emails = Arbitraries.integers().between(0, CustomerModel.EMAILS - 1)
                .set().ofMaxSize(2);
        Arbitrary<CustomerOp> create = Combinators.combine(tenant(), id, identities, emails)
                .as(CustomerOp.Create::new);
        Arbitrary<CustomerOp> update = Combinators.combine(tenant(), id, identities, emails,
                Arbitraries.integers().between(0, 3)).as(CustomerOp.Update::new);
        Arbitrary<CustomerOp> stale = Combinators.combine(tenant(), id).as(CustomerOp.StaleUpdate::new);
        Arbitrary<CustomerOp> merge = Combinators.combine(tenant(), id, id, Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, CustomerModel.IDENTITIES - 1).optional())
                .filter((t, s, m, take, extra) -> !s.equals(m))
                .as(CustomerOp.Merge::new);
        Arbitrary<CustomerOp> erase = Combinators.combine(tenant(), id).as(CustomerOp.Erase::new);
        return Arbitraries.frequencyOf(Tuple.of(5, create), Tuple.of(4, update), Tuple.of(1, stale),
                Tuple.of(2, merge), Tuple.of(1, erase));
    }

    static Arbitrary<List<InteractionOp>> interactionOperations() {
        return interactionOperation().list().ofMaxSize(MAX_OPERATIONS);
    }

    /** Mostly batches of up to 12 appends over the 8 keys (so keys repeat within a batch), among other writes. */
    static Arbitrary<List<InteractionOp>> interactionBatches() {
        return Arbitraries.<InteractionOp>frequencyOf(Tuple.of(6, interactionBatch(12)),
                Tuple.of(2, interactionAppend()), Tuple.of(1, interactionReassign()), Tuple.of(1, interactionErase()))
                .list().ofMaxSize(12);
    }

    private static Arbitrary<InteractionOp> interactionOperation() {
        return Arbitraries.<InteractionOp>frequencyOf(Tuple.of(8, interactionAppend()),
                Tuple.of(2, interactionBatch(6)), Tuple.of(2, interactionReassign()), Tuple.of(1, interactionErase()));
    }

    private static Arbitrary<InteractionOp.Append> interactionAppend() {
        Arbitrary<Integer> key = Arbitraries.integers().between(0, InteractionModel.KEYS - 1);
        Arbitrary<Integer> idShift = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, InteractionModel.KEYS - 1)));
        Arbitrary<Integer> subject = Arbitraries.integers().between(0, InteractionModel.SUBJECTS - 1);
        return Combinators.combine(tenant(), key, idShift, subject,
                        Arbitraries.integers().between(0, 3), Arbitraries.of(Channel.WEB, Channel.EMAIL, Channel.PHONE),
                        Arbitraries.of(InteractionType.PAGE_VIEW, InteractionType.ORDER_PLACED))
                .as(InteractionOp.Append::new);
    }

    private static Arbitrary<InteractionOp.AppendAll> interactionBatch(int maxSize) {
        return interactionAppend().list().ofMaxSize(maxSize).map(InteractionOp.AppendAll::new);
    }

    private static Arbitrary<InteractionOp.Reassign> interactionReassign() {
        Arbitrary<Integer> subject = Arbitraries.integers().between(0, InteractionModel.SUBJECTS - 1);
        Arbitrary<Integer> customer = Arbitraries.integers().between(0, InteractionModel.CUSTOMERS - 1);
        return Combinators.combine(tenant(), subject, customer)
                .filter((t, from, to) -> !from.equals(to))
                .as(InteractionOp.Reassign::new);
    }

    private static Arbitrary<InteractionOp.Erase> interactionErase() {
        Arbitrary<Integer> subject = Arbitraries.integers().between(0, InteractionModel.SUBJECTS - 1);
        return Combinators.combine(tenant(), subject).as(InteractionOp.Erase::new);
    }

    static Arbitrary<List<ScoreOp>> scoreOperations() {
        return scoreOperation().list().ofMaxSize(MAX_OPERATIONS);
    }

    private static Arbitrary<ScoreOp> scoreOperation() {
        Arbitrary<Integer> customer = Arbitraries.integers().between(0, ScoreModel.CUSTOMERS - 1);
        Arbitrary<List<Integer>> names = Arbitraries.integers().between(0, ScoreModel.NAMES.size() - 1)
                .list().ofMaxSize(3);
        Arbitrary<ScoreOp> put = Combinators.combine(tenant(), customer, names,
                Arbitraries.integers().between(-8, 40), Arbitraries.integers().between(0, 5)).as(ScoreOp.Put::new);
        Arbitrary<ScoreOp> remove = Combinators.combine(tenant(), customer).as(ScoreOp.Remove::new);
        return Arbitraries.frequencyOf(Tuple.of(5, put), Tuple.of(1, remove));
    }

    static Arbitrary<List<MembershipOp>> membershipOperations() {
        return membershipOperation().list().ofMaxSize(MAX_OPERATIONS);
    }

    private static Arbitrary<MembershipOp> membershipOperation() {
        Arbitrary<Integer> segment = Arbitraries.integers().between(0, MembershipModel.SEGMENTS.size() - 1);
        Arbitrary<Integer> customer = Arbitraries.integers().between(0, MembershipModel.CUSTOMERS - 1);
        Arbitrary<MembershipOp> enter = Combinators.combine(tenant(), segment, customer,
                Arbitraries.integers().between(0, 5)).as(MembershipOp.Enter::new);
        Arbitrary<MembershipOp> leave = Combinators.combine(tenant(), segment, customer).as(MembershipOp.Leave::new);
        Arbitrary<MembershipOp> remove = Combinators.combine(tenant(), customer).as(MembershipOp.Remove::new);
        Arbitrary<MembershipOp> clear = Combinators.combine(tenant(), segment).as(MembershipOp.Clear::new);
        Arbitrary<MembershipOp> schedule = Combinators.combine(tenant(), customer,
                Arbitraries.integers().between(-1, 5)).as(MembershipOp.ScheduleReview::new);
        Arbitrary<MembershipOp> due = Combinators.combine(tenant(), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(1, 3)).as(MembershipOp.DueForReview::new);
        return Arbitraries.frequencyOf(Tuple.of(6, enter), Tuple.of(3, leave), Tuple.of(1, remove),
                Tuple.of(1, clear), Tuple.of(3, schedule), Tuple.of(2, due));
    }

    static Arbitrary<List<OutboxOp>> outboxOperations() {
        return outboxOperation().list().ofMaxSize(MAX_OPERATIONS);
    }

    private static Arbitrary<OutboxOp> outboxOperation() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000);
        Arbitrary<OutboxOp> append = Combinators.combine(tenant(), Arbitraries.integers()
                .between(0, OutboxModel.CUSTOMERS - 1)).as(OutboxOp.Append::new);
        Arbitrary<OutboxOp> deliver = Combinators.combine(pick.list().ofMaxSize(4), Arbitraries.of(true, false))
                .as(OutboxOp.Deliver::new);
        Arbitrary<OutboxOp> fail = Combinators.combine(pick, Arbitraries.integers().between(0, 30))
                .as(OutboxOp.Fail::new);
        Arbitrary<Integer> owner = Arbitraries.integers().between(0, 2);
        Arbitrary<OutboxOp> lease = Combinators.combine(owner, Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(1, 5)).as(OutboxOp.Lease::new);
        Arbitrary<OutboxOp> release = owner.map(OutboxOp.Release::new);
        Arbitrary<OutboxOp> discard = Combinators.combine(tenant(), Arbitraries.integers()
                .between(0, OutboxModel.CUSTOMERS - 1).list().ofMaxSize(2)).as(OutboxOp.Discard::new);
        return Arbitraries.frequencyOf(Tuple.of(6, append), Tuple.of(3, deliver), Tuple.of(2, fail),
                Tuple.of(2, lease), Tuple.of(1, release), Tuple.of(1, discard));
    }

    /** Short units of steps on every port of a storage, a third of them undone. */
    static Arbitrary<List<StorageUnit>> storageUnits() {
        Arbitrary<StorageOp> step = Arbitraries.oneOf(
                customerOperation().map(StorageOp.OnCustomers::new),
                interactionOperation().map(StorageOp.OnInteractions::new),
                scoreOperation().map(StorageOp.OnScores::new),
                membershipOperation().map(StorageOp.OnMemberships::new),
                outboxOperation().map(StorageOp.OnOutbox::new));
        return Combinators.combine(step.list().ofMaxSize(6), Arbitraries.frequency(Tuple.of(2, false),
                Tuple.of(1, true))).as(StorageUnit::new).list().ofMaxSize(12);
    }

    private static Arbitrary<Integer> tenant() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(1)));
    }
}
