package org.crmkit.jpa.internal;

import java.time.Instant;
import java.util.HexFormat;
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
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.CustomerId;

/** Ledger entries to rows of {@code crm_consent_entry} and back, exactly. Stateless. */
final class LedgerMapper {
    private LedgerMapper() {
    }

    /** Writes the entry into {@code row} (all but its key). */
    static void write(LedgerEntry e, LedgerEntryEntity row) {
        ConsentEvent event = e.event();
        row.customerId = e.customer().value();
        row.recordedNs = Nanos.of(e.recordedAt(), "recordedAt");
        row.eventKind = kind(event);
        ConsentScope scope = event.scope();
        row.channel = scope.channel().name();
        row.purpose = scope.purpose().name();
        row.contact = scope.contactPoint().map(ContactValueColumns::of).orElse(null);
        row.capture = null;
        row.validUntilNs = null;
        row.confirmByNs = null;
        if (event instanceof ConsentEvent.OptedIn in) {
            row.capture = in.capture().name();
            row.validUntilNs = in.validUntil().map(v -> Nanos.of(v, "validUntil")).orElse(null);
        } else if (event instanceof ConsentEvent.ConfirmationRequested r) {
            row.confirmByNs = Nanos.of(r.confirmBy(), "confirmBy");
        } else if (event instanceof ConsentEvent.Confirmed c) {
            row.validUntilNs = c.validUntil().map(v -> Nanos.of(v, "validUntil")).orElse(null);
        } else if (event instanceof ConsentEvent.Expired x) {
            row.capture = x.capture().name();
            row.validUntilNs = Nanos.of(x.validUntil(), "validUntil");
        }
        Evidence evidence = event.evidence();
        row.sourceKind = evidence.source().kind().name();
        row.sourceReference = evidence.source().reference();
        row.capturedNs = Nanos.of(evidence.capturedAt(), "capturedAt");
        row.wordingVersion = evidence.wording().map(Wording::version).orElse(null);
        row.wordingText = evidence.wording().flatMap(Wording::text).orElse(null);
        row.proofIp = evidence.proof().flatMap(TechnicalProof::ipAddress).orElse(null);
        row.proofUserAgent = evidence.proof().flatMap(TechnicalProof::userAgent).orElse(null);
        row.personalDigest = e.personalDigest().hex();
        row.salt = e.salt().map(Salt::hex).orElse(null);
        row.previousHash = e.previousHash().hex();
        row.hash = e.hash().hex();
    }

    static LedgerEntry read(LedgerEntryEntity row) {
        ConsentScope scope = new ConsentScope(ConsentChannel.valueOf(row.channel), new Purpose(row.purpose),
                Optional.ofNullable(row.contact).map(ContactValueColumns::value));
        Optional<TechnicalProof> proof = row.proofIp == null && row.proofUserAgent == null ? Optional.empty()
                : Optional.of(new TechnicalProof(Optional.ofNullable(row.proofIp),
                Optional.ofNullable(row.proofUserAgent)));
        Evidence evidence = new Evidence(new CaptureSource(CaptureSource.Kind.valueOf(row.sourceKind),
                row.sourceReference), Nanos.instant(row.capturedNs),
                Optional.ofNullable(row.wordingVersion).map(v -> new Wording(v, Optional.ofNullable(row.wordingText))),
                proof);
        Optional<Instant> validUntil = Optional.ofNullable(row.validUntilNs).map(Nanos::instant);
        ConsentEvent event = switch (row.eventKind) {
            case "OPTED_IN" -> new ConsentEvent.OptedIn(scope, Capture.valueOf(row.capture), evidence, validUntil);
            case "OPTED_OUT" -> new ConsentEvent.OptedOut(scope, evidence);
            case "CONFIRMATION_REQUESTED" -> new ConsentEvent.ConfirmationRequested(scope, evidence,
                    Nanos.instant(row.confirmByNs));
            case "CONFIRMED" -> new ConsentEvent.Confirmed(scope, evidence, validUntil);
            case "EXPIRED" -> new ConsentEvent.Expired(scope, Capture.valueOf(row.capture), evidence,
                    validUntil.orElseThrow());
            case "ERASED" -> new ConsentEvent.Erased(scope, evidence);
            default -> throw new IllegalStateException("unknown consent event kind in the database: "
                    + row.eventKind);
        };
        return new LedgerEntry(TenantId.of(row.tenant), row.seq, CustomerId.of(row.customerId),
                Nanos.instant(row.recordedNs), event, Hash256.parse(row.personalDigest),
                Optional.ofNullable(row.salt).map(s -> Salt.of(HexFormat.of().parseHex(s))),
                Hash256.parse(row.previousHash), Hash256.parse(row.hash));
    }

    private static String kind(ConsentEvent event) {
        if (event instanceof ConsentEvent.OptedIn) {
            return "OPTED_IN";
        } else if (event instanceof ConsentEvent.OptedOut) {
            return "OPTED_OUT";
        } else if (event instanceof ConsentEvent.ConfirmationRequested) {
            return "CONFIRMATION_REQUESTED";
        } else if (event instanceof ConsentEvent.Confirmed) {
            return "CONFIRMED";
        } else if (event instanceof ConsentEvent.Expired) {
            return "EXPIRED";
        }
        return "ERASED";
    }
}
