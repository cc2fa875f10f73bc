package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.consent.Fixtures.EMAIL_NEWSLETTER;
import static org.crmkit.consent.Fixtures.TENANT;
import static org.crmkit.consent.Fixtures.bare;
import static org.crmkit.consent.Fixtures.form;

import java.util.List;

import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.DomainEvent;
import org.junit.jupiter.api.Test;

/**
 * Every write is one storage unit with its domain event; a write inside a caller's unit joins it, and the engine's
 * memory never runs ahead of what committed.
 */
class WriteUnitsTest {
    private final Fixtures f = new Fixtures();
    private final ConsentService consents = f.consents;

    private ContactDecision decide(CustomerId id) {
        return consents.decide(TENANT, id, EMAIL_NEWSLETTER.channel(), EMAIL_NEWSLETTER.purpose(), f.now());
    }

    @Test
    void everyChange_writesItsEvent_andAChangeOfNothingWritesNone() {
        CustomerId ann = f.person("ann");
        consents.requestConfirmation(TENANT, ann, EMAIL_NEWSLETTER, form(f.now()));
        consents.confirm(TENANT, ann, EMAIL_NEWSLETTER, bare(f.now()));
        consents.requestConfirmation(TENANT, ann, EMAIL_NEWSLETTER, form(f.now()));
        consents.optOut(TENANT, ann, EMAIL_NEWSLETTER, bare(f.now()));
        consents.suppress(TENANT, f.emailOf(ann), SuppressionReason.COMPLAINT);
        consents.suppress(TENANT, f.emailOf(ann), SuppressionReason.HARD_BOUNCE);
        consents.lift(TENANT, f.emailOf(ann));
        consents.lift(TENANT, f.emailOf(ann));

        List<DomainEvent> events = f.storage.outbox.events();

        assertThat(events).hasSize(5);
        assertThat(events.subList(0, 3)).extracting(e -> ((DomainEvent.ConsentChanged) e).state())
                .containsExactly(ConsentState.PENDING_CONFIRMATION, ConsentState.OPTED_IN, ConsentState.OPTED_OUT);
        assertThat(events.get(0)).isInstanceOfSatisfying(DomainEvent.ConsentChanged.class, e -> {
            assertThat(e.customer()).isEqualTo(ann);
            assertThat(e.scope()).isEqualTo(EMAIL_NEWSLETTER);
            assertThat(e.at()).isEqualTo(f.now());
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(DomainEvent.ContactSuppressed.class, e -> {
            assertThat(e.reason()).isEqualTo(SuppressionReason.COMPLAINT);
            assertThat(e.toString()).doesNotContain("ann");
        });
        assertThat(events.get(4)).isInstanceOf(DomainEvent.ContactLifted.class);
        assertThat(events).extracting(DomainEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void aWriteInAUnitThatFails_leavesNoEntry_noEvent_andNothingInMemory() {
        CustomerId ann = f.person("ann");

        assertThatThrownBy(() -> f.storage.atomically(List.of(), () -> {
            consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
            consents.suppress(TENANT, f.emailOf(f.person("bob")), SuppressionReason.COMPLAINT);
            throw new IllegalStateException("the caller's unit failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(f.store.size()).isZero();
        assertThat(f.storage.outbox.events()).isEmpty();
        assertThat(decide(ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.NO_CONSENT));
        assertThat(consents.isSuppressed(TENANT, f.emailOf(CustomerId.of("bob")))).isFalse();
        assertThat(consents.head(TENANT)).isEqualTo(LedgerHead.EMPTY);
    }

    @Test
    void aWriteInTheCallersUnit_isDecidedOnOnlyOnceTheUnitCommitted() {
        CustomerId ann = f.person("ann");

        ContactDecision during = f.storage.atomically(List.of(), () -> {
            ConsentStatus written = consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX,
                    form(f.now()));
            assertThat(written.state()).isEqualTo(ConsentState.OPTED_IN);
            return decide(ann);
        });

        assertThat(during).isEqualTo(ContactDecision.Denied.of(DenialReason.NO_CONSENT));
        assertThat(decide(ann).isAllowed()).isTrue();
    }

    @Test
    void severalWritesInOneUnit_chainOneAfterTheOther() {
        CustomerId ann = f.person("ann");
        CustomerId bob = f.person("bob");

        f.storage.atomically(List.of(), () -> {
            consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
            consents.optIn(TENANT, bob, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
            consents.optOut(TENANT, ann, EMAIL_NEWSLETTER, bare(f.now()));
        });

        assertThat(consents.verify(TENANT)).isEqualTo(new LedgerVerification(3, List.of()));
        assertThat(decide(ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
        assertThat(decide(bob).isAllowed()).isTrue();
    }
}
