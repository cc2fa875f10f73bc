package org.crmkit.consent.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;

/**
 * The consents a merge carries over to the survivor, by the rule {@code ConsentService.customersMerged} documents:
 * every refusal of the merged customer; its consents and pending confirmations only into a channel and purpose where
 * the survivor has nothing that holds (no valid opt-in, no pending confirmation, no opt-out, for the channel or any
 * point). Stateless.
 */
public final class MergeCarryOver {
    private MergeCarryOver() {
    }

    private record Family(ConsentChannel channel, Purpose purpose) {
        static Family of(ConsentEvent e) {
            return new Family(e.scope().channel(), e.scope().purpose());
        }
    }

    /**
     * The events to record for the survivor at {@code at}, in the merged customer's ledger order: each the merged
     * customer's latest event of a scope, with evidence naming the merge (source {@link CaptureSource.Kind#MERGE},
     * the merged customer's id, the wording the person saw; no technical proof, which stays with the original).
     */
    public static List<ConsentEvent> carried(CustomerConsents survivor, CustomerConsents merged, CustomerId mergedId,
                                             Instant at) {
        Set<Family> holding = new HashSet<>();
        for (ConsentEvent e : survivor.events()) {
            if (holds(StateFold.state(e, at))) {
                holding.add(Family.of(e));
            }
        }
        List<ConsentEvent> carried = new ArrayList<>();
        for (ConsentEvent e : merged.eventsInLedgerOrder()) {
            ConsentState state = StateFold.state(e, at);
            if (state == ConsentState.OPTED_OUT || holds(state) && !holding.contains(Family.of(e))) {
                carried.add(e.with(e.scope(), new Evidence(CaptureSource.of(CaptureSource.Kind.MERGE,
                        mergedId.value()), at, e.evidence().wording(), Optional.empty())));
            }
        }
        return carried;
    }

    private static boolean holds(ConsentState state) {
        return state == ConsentState.OPTED_IN || state == ConsentState.PENDING_CONFIRMATION
                || state == ConsentState.OPTED_OUT;
    }
}
