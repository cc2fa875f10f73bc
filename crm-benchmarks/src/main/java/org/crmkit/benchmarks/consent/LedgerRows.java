package org.crmkit.benchmarks.consent;

import java.time.Instant;

import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Salt;
import org.crmkit.spi.consent.Wording;

/**
 * Rows of crm-jpa's {@code crm_consent_entry} in CSV for {@code COPY}, one per ledger entry, with the values the
 * adapter writes: the entry's fields as columns, instants in nanoseconds since the epoch, digests and salt in
 * hexadecimal ({@code hex()}), the columns the event does not use null. Only for the entries of {@link ConsentBase}:
 * whole opt-ins and opt-outs of a whole channel, with evidence that has no technical proof and no wording text;
 * any other entry is refused. {@link PostgresConsentDatabase} compares these rows with those the adapter writes
 * before it copies them. Not thread-safe.
 */
final class LedgerRows {
    /** The statement that copies the rows in; the columns not named stay null. */
    static final String COPY = "COPY %s (tenant, seq, customer_id, recorded_ns, event_kind, channel, purpose,"
            + " capture, valid_until_ns, source_kind, source_reference, captured_ns, wording_version,"
            + " personal_digest, salt, previous_hash, hash) FROM STDIN WITH (FORMAT csv)";

    private final StringBuilder rows = new StringBuilder();
    private int size;

    /**
     * Adds the row of {@code entry}.
     *
     * @throws IllegalArgumentException if the entry is not of the kinds this class writes
     */
    void add(LedgerEntry entry) {
        ConsentEvent event = entry.event();
        Evidence evidence = event.evidence();
        if (!(event instanceof ConsentEvent.OptedIn || event instanceof ConsentEvent.OptedOut)
                || event.scope().contactPoint().isPresent() || evidence.proof().isPresent()
                || evidence.wording().flatMap(Wording::text).isPresent() || entry.salt().isEmpty()) {
            throw new IllegalArgumentException("not an entry of the consent base: " + entry);
        }
        text(entry.tenant().value()).number(entry.sequence()).text(entry.customer().value())
                .number(nanos(entry.recordedAt()));
        if (event instanceof ConsentEvent.OptedIn in) {
            text("OPTED_IN").scope(event).text(in.capture().name());
            in.validUntil().ifPresentOrElse(v -> number(nanos(v)), () -> rows.append(','));
        } else {
            text("OPTED_OUT").scope(event).rows.append(",,");
        }
        CaptureSource source = evidence.source();
        text(source.kind().name()).text(source.reference()).number(nanos(evidence.capturedAt()));
        evidence.wording().ifPresentOrElse(w -> text(w.version()), () -> rows.append(','));
        text(entry.personalDigest().hex()).text(entry.salt().map(Salt::hex).orElseThrow())
                .text(entry.previousHash().hex()).text(entry.hash().hex());
        rows.setCharAt(rows.length() - 1, '\n');
        size++;
    }

    /**
     * What distinguishes the rows of entries beyond their values: the event's kind and capture, and which of the
     * optional columns are set.
     */
    static String shape(LedgerEntry entry) {
        ConsentEvent event = entry.event();
        String kind = event instanceof ConsentEvent.OptedIn in
                ? "OPTED_IN " + in.capture() + (in.validUntil().isPresent() ? " valid until" : "")
                : event.getClass().getSimpleName();
        return kind + (event.evidence().wording().isPresent() ? " with wording" : "");
    }

    int size() {
        return size;
    }

    /** The rows added since the last call, and empties the buffer. */
    String take() {
        String taken = rows.toString();
        rows.setLength(0);
        size = 0;
        return taken;
    }

    private LedgerRows scope(ConsentEvent event) {
        return text(event.scope().channel().name()).text(event.scope().purpose().name());
    }

    /** A quoted value and its separator: a quoted empty text is an empty text, not null. */
    private LedgerRows text(String value) {
        rows.append('"').append(value.replace("\"", "\"\"")).append("\",");
        return this;
    }

    private LedgerRows number(long value) {
        rows.append(value).append(',');
        return this;
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
