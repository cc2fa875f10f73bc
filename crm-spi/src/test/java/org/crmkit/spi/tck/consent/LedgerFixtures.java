package org.crmkit.spi.tck.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Salt;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;

/** Ledger entries and suppression entries for the consent contracts. */
final class LedgerFixtures {
    static final TenantId TENANT = TenantId.of("tck");
    static final TenantId OTHER_TENANT = TenantId.of("tck-other");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private LedgerFixtures() {
    }

    static CustomerId cid(String id) {
        return CustomerId.of(id);
    }

    /** An event of kind {@code n % 6}, with every optional part present in some of them. */
    static ConsentEvent event(int n) {
        Instant at = T0.plusSeconds(n);
        ConsentScope scope = n % 3 == 0
                ? ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER, EmailAddress.parse("ann@example.com"))
                : ConsentScope.of(ConsentChannel.SMS, Purpose.of("host_purpose_" + n % 5));
        Evidence evidence = new Evidence(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "form-" + n), at,
                Optional.of(Wording.of("v" + n, "Yes, please — ✓")),
                n % 2 == 0 ? Optional.of(TechnicalProof.of("2001:db8::1", "Mozilla/5.0")) : Optional.empty());
        return switch (n % 6) {
            case 0 -> new ConsentEvent.OptedIn(scope, Capture.PRE_TICKED_BOX, evidence,
                    Optional.of(at.plusSeconds(86_400)));
            case 1 -> new ConsentEvent.OptedOut(scope, evidence);
            case 2 -> new ConsentEvent.ConfirmationRequested(scope, evidence, at.plusSeconds(3600));
            case 3 -> new ConsentEvent.Confirmed(scope, evidence, Optional.empty());
            case 4 -> new ConsentEvent.Expired(scope, Capture.TICKED_BOX, evidence, at.minusSeconds(60));
            default -> new ConsentEvent.Erased(scope, evidence);
        };
    }

    /** The entry of sequence {@code sequence} about {@code customer}, chained to {@code previous}. */
    static LedgerEntry entry(TenantId tenant, long sequence, Hash256 previous, CustomerId customer) {
        ConsentEvent e = event((int) sequence);
        return LedgerEntry.chain(tenant, sequence, previous, customer, e.at().plusMillis(5), e, salt(sequence));
    }

    /** A salt of its own for every number. */
    static Salt salt(long n) {
        byte[] b = new byte[Salt.LENGTH];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (n >>> (8 * i));
        }
        b[15] = 3;
        return Salt.of(b);
    }

    /** A chain of entries about the given customers in turn. */
    static List<LedgerEntry> chain(TenantId tenant, int size, CustomerId... customers) {
        List<LedgerEntry> result = new ArrayList<>();
        Hash256 previous = Hash256.ZERO;
        for (int i = 1; i <= size; i++) {
            LedgerEntry e = entry(tenant, i, previous, customers[(i - 1) % customers.length]);
            result.add(e);
            previous = e.hash();
        }
        return result;
    }

    static Hash256 hash(int n) {
        byte[] b = new byte[Hash256.LENGTH];
        b[0] = (byte) (n >>> 8);
        b[1] = (byte) n;
        b[31] = 7;
        return Hash256.of(b);
    }

    static SuppressionEntry suppression(TenantId tenant, int n, SuppressionReason reason) {
        return new SuppressionEntry(tenant, hash(n), ContactKind.EMAIL, reason, T0.plusSeconds(n));
    }
}
