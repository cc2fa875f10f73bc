package org.crmkit.json.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.consent.ConsentReceipt;
import org.crmkit.consent.ConsentStatus;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;

/**
 * JSON of a consent receipt, the document handed to a person: {@code {"format":"crmkit.consent_receipt",
 * "version":2,"tenant","customer","generated_at","consents":[status…],"history":[event…],"erased_entries"}}. A
 * status is {@code {"scope","state","at","capture"?,"explicit"?,"since"?,"until"?,"evidence"?}}; an event is
 * {@code {"type":"opted_in|opted_out|confirmation_requested|confirmed|expired|erased","scope","evidence",…}};
 * evidence is {@code {"source":{"kind","reference"},"captured_at","wording"?:{"version","text"?},
 * "proof"?:{"ip_address"?,"user_agent"?}}}, with source kind {@code merge} for a consent a merge carried over (the
 * reference names the merged customer) and {@code engine} for what the engine recorded itself (an expiry).
 * {@code erased_entries} counts the ledger entries of the id erased with a customer: they are not listed, as they
 * hold nothing personal any more and belong to the person erased. Version 1 had neither the expiry nor the count.
 * Written only: a receipt is evidence handed out, never read back. Stateless.
 */
public final class ConsentCodec {
    public static final String FORMAT = "crmkit.consent_receipt";
    public static final int VERSION = 2;

    private ConsentCodec() {
    }

    public static void writeReceipt(ConsentReceipt receipt, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeStringField("tenant", receipt.tenant().value());
        g.writeStringField("customer", receipt.customer().value());
        JsonOut.instant(g, "generated_at", receipt.generatedAt());
        g.writeArrayFieldStart("consents");
        for (ConsentStatus status : receipt.consents()) {
            writeStatus(status, g);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("history");
        for (ConsentEvent event : receipt.history()) {
            writeEvent(event, g);
        }
        g.writeEndArray();
        g.writeNumberField("erased_entries", receipt.erasedEntries());
        g.writeEndObject();
    }

    private static void writeStatus(ConsentStatus s, JsonGenerator g) throws IOException {
        g.writeStartObject();
        writeScope(s.scope(), g);
        JsonOut.constant(g, "state", s.state());
        JsonOut.instant(g, "at", s.at());
        if (s.capture().isPresent()) {
            JsonOut.constant(g, "capture", s.capture().get());
            g.writeBooleanField("explicit", s.capture().get().isExplicit());
        }
        JsonOut.optionalInstant(g, "since", s.since());
        JsonOut.optionalInstant(g, "until", s.until());
        if (s.evidence().isPresent()) {
            writeEvidence(s.evidence().get(), g);
        }
        g.writeEndObject();
    }

    private static void writeEvent(ConsentEvent event, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (event instanceof ConsentEvent.OptedIn e) {
            g.writeStringField("type", "opted_in");
            writeScope(e.scope(), g);
            JsonOut.constant(g, "capture", e.capture());
            g.writeBooleanField("explicit", e.capture().isExplicit());
            writeEvidence(e.evidence(), g);
            JsonOut.optionalInstant(g, "valid_until", e.validUntil());
        } else if (event instanceof ConsentEvent.OptedOut e) {
            g.writeStringField("type", "opted_out");
            writeScope(e.scope(), g);
            writeEvidence(e.evidence(), g);
        } else if (event instanceof ConsentEvent.ConfirmationRequested e) {
            g.writeStringField("type", "confirmation_requested");
            writeScope(e.scope(), g);
            writeEvidence(e.evidence(), g);
            JsonOut.instant(g, "confirm_by", e.confirmBy());
        } else if (event instanceof ConsentEvent.Confirmed e) {
            g.writeStringField("type", "confirmed");
            writeScope(e.scope(), g);
            writeEvidence(e.evidence(), g);
            JsonOut.optionalInstant(g, "valid_until", e.validUntil());
        } else if (event instanceof ConsentEvent.Expired e) {
            g.writeStringField("type", "expired");
            writeScope(e.scope(), g);
            JsonOut.constant(g, "capture", e.capture());
            g.writeBooleanField("explicit", e.capture().isExplicit());
            writeEvidence(e.evidence(), g);
            JsonOut.instant(g, "valid_until", e.validUntil());
        } else {
            g.writeStringField("type", "erased");
            writeScope(event.scope(), g);
            writeEvidence(event.evidence(), g);
        }
        g.writeEndObject();
    }

    static void writeScope(ConsentScope scope, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("scope");
        JsonOut.constant(g, "channel", scope.channel());
        g.writeStringField("purpose", scope.purpose().name());
        if (scope.contactPoint().isPresent()) {
            g.writeFieldName("contact_point");
            ContactCodec.writeContactValue(scope.contactPoint().get(), g);
        }
        g.writeEndObject();
    }

    private static void writeEvidence(Evidence e, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("evidence");
        g.writeObjectFieldStart("source");
        JsonOut.constant(g, "kind", e.source().kind());
        g.writeStringField("reference", e.source().reference());
        g.writeEndObject();
        JsonOut.instant(g, "captured_at", e.capturedAt());
        if (e.wording().isPresent()) {
            g.writeObjectFieldStart("wording");
            g.writeStringField("version", e.wording().get().version());
            JsonOut.optionalString(g, "text", e.wording().get().text());
            g.writeEndObject();
        }
        if (e.proof().isPresent()) {
            g.writeObjectFieldStart("proof");
            JsonOut.optionalString(g, "ip_address", e.proof().get().ipAddress());
            JsonOut.optionalString(g, "user_agent", e.proof().get().userAgent());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
