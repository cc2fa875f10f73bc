package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crmkit.Crm;
import org.crmkit.consent.ConsentReceipt;
import org.crmkit.consent.ConsentStatus;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

class ConsentReceiptJsonTest {
    static final byte[] KEY = "a key of at least thirty-two bytes!".getBytes(StandardCharsets.UTF_8);

    @Test
    void receipt_listsEveryConsentWithItsEvidenceAndHistory() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
        Crm crm = Crm.builder().clock(clock).seed(1).consentKey(KEY).build();
        TenantId t = TenantId.of("t");
        Customer ann = crm.customers().register(t, Person.named("Ann", "Lee"), b -> b);
        crm.consents().optIn(t, ann.id(), ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING),
                Capture.PRE_TICKED_BOX, new Evidence(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "checkout"),
                        clock.instant(), Optional.of(Wording.of("m-1", "Offers by e-mail")),
                        Optional.of(new TechnicalProof(Optional.of("192.0.2.7"),
                                Optional.empty()))));

        JsonNode json = new ObjectMapper().readTree(CrmJson.create().write(crm.consents().receipt(t, ann.id())));

        assertThat(json.get("format").asText()).isEqualTo("crmkit.consent_receipt");
        assertThat(json.get("version").asInt()).isEqualTo(2);
        assertThat(json.get("customer").asText()).isEqualTo(ann.id().value());
        JsonNode consent = json.get("consents").get(0);
        assertThat(consent.get("scope").get("channel").asText()).isEqualTo("email");
        assertThat(consent.get("scope").get("purpose").asText()).isEqualTo("marketing");
        assertThat(consent.get("state").asText()).isEqualTo("opted_in");
        assertThat(consent.get("capture").asText()).isEqualTo("pre_ticked_box");
        assertThat(consent.get("explicit").asBoolean()).isFalse();
        assertThat(consent.get("evidence").get("wording").get("text").asText()).isEqualTo("Offers by e-mail");
        assertThat(consent.get("evidence").get("proof").get("ip_address").asText()).isEqualTo("192.0.2.7");
        assertThat(json.get("history").get(0).get("type").asText()).isEqualTo("opted_in");
        assertThat(json.get("erased_entries").asLong()).isZero();
    }

    @Test
    void receiptOfAnIdErasedAndGivenToSomeoneElse_listsOnlyTheNewHoldersEvents_andCountsTheErased()
            throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
        Crm crm = Crm.builder().clock(clock).seed(1).consentKey(KEY).build();
        TenantId t = TenantId.of("t");
        CustomerId id = CustomerId.of("c-1");
        crm.customers().register(t, id, Person.named("Ann", "Lee"), b -> b);
        crm.consents().optIn(t, id, ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING), Capture.TICKED_BOX,
                Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "ann-form"), clock.instant(),
                        Wording.version("m-1")));
        crm.customers().erase(t, id);
        crm.customers().register(t, id, Person.named("Bea", "Roe"), b -> b);
        crm.consents().optOut(t, id, ConsentScope.of(ConsentChannel.SMS, Purpose.MARKETING),
                Evidence.of(CaptureSource.of(CaptureSource.Kind.API, "crm-ui"), clock.instant()));

        String receipt = CrmJson.create().write(crm.consents().receipt(t, id));
        JsonNode json = new ObjectMapper().readTree(receipt);

        assertThat(receipt).doesNotContain("ann-form", "email");
        assertThat(json.get("erased_entries").asLong()).isEqualTo(2);
        assertThat(json.get("history")).singleElement().satisfies(e -> {
            assertThat(e.get("type").asText()).isEqualTo("opted_out");
            assertThat(e.get("scope").get("channel").asText()).isEqualTo("sms");
        });
    }

    static final String PINNED = """
            {
              "format": "crmkit.consent_receipt",
              "version": 2,
              "tenant": "t",
              "customer": "c-2",
              "generated_at": "2029-04-02T00:00:00Z",
              "consents": [
                {
                  "scope": {
                    "channel": "email",
                    "purpose": "newsletter"
                  },
                  "state": "expired",
                  "at": "2029-04-02T00:00:00Z",
                  "capture": "ticked_box",
                  "explicit": true,
                  "since": "2029-04-01T12:00:00Z",
                  "until": "2029-04-01T12:00:00Z",
                  "evidence": {
                    "source": {
                      "kind": "engine",
                      "reference": "expiry"
                    },
                    "captured_at": "2029-04-01T12:00:00Z"
                  }
                },
                {
                  "scope": {
                    "channel": "postal_mail",
                    "purpose": "marketing"
                  },
                  "state": "opted_out",
                  "at": "2029-04-02T00:00:00Z",
                  "since": "2026-04-01T12:05:00Z",
                  "evidence": {
                    "source": {
                      "kind": "merge",
                      "reference": "c-1"
                    },
                    "captured_at": "2026-04-01T12:05:00Z"
                  }
                }
              ],
              "history": [
                {
                  "type": "opted_out",
                  "scope": {
                    "channel": "postal_mail",
                    "purpose": "marketing"
                  },
                  "evidence": {
                    "source": {
                      "kind": "merge",
                      "reference": "c-1"
                    },
                    "captured_at": "2026-04-01T12:05:00Z"
                  }
                },
                {
                  "type": "expired",
                  "scope": {
                    "channel": "email",
                    "purpose": "newsletter"
                  },
                  "capture": "ticked_box",
                  "explicit": true,
                  "evidence": {
                    "source": {
                      "kind": "engine",
                      "reference": "expiry"
                    },
                    "captured_at": "2029-04-01T12:00:00Z"
                  },
                  "valid_until": "2029-04-01T12:00:00Z"
                }
              ],
              "erased_entries": 3
            }""";

    /** Pins the receipt format (version 2) on a carried refusal, an expiry and erased entries. */
    @Test
    void receipt_format_isPinned() {
        Instant merged = Instant.parse("2026-04-01T12:05:00Z");
        Instant ended = Instant.parse("2029-04-01T12:00:00Z");
        ConsentScope newsletter = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);
        ConsentScope postal = ConsentScope.of(ConsentChannel.POSTAL_MAIL, Purpose.MARKETING);
        CustomerId customer = CustomerId.of("c-2");
        Evidence carried = Evidence.of(CaptureSource.of(CaptureSource.Kind.MERGE, "c-1"), merged);
        Evidence expiry = Evidence.of(CaptureSource.of(CaptureSource.Kind.ENGINE, "expiry"), ended);
        Instant at = Instant.parse("2029-04-02T00:00:00Z");
        ConsentReceipt receipt = new ConsentReceipt(TenantId.of("t"), customer, at, List.of(
                new ConsentStatus(customer, newsletter, at, ConsentState.EXPIRED, Optional.of(Capture.TICKED_BOX),
                        Optional.of(expiry), Optional.of(ended), Optional.of(ended)),
                new ConsentStatus(customer, postal, at, ConsentState.OPTED_OUT, Optional.empty(),
                        Optional.of(carried), Optional.of(merged), Optional.empty())),
                List.of(new ConsentEvent.OptedOut(postal, carried),
                        new ConsentEvent.Expired(newsletter, Capture.TICKED_BOX, expiry, ended)), 3);

        assertThat(CrmJson.builder().prettyPrinting(true).build().write(receipt)).isEqualToNormalizingNewlines(PINNED);
    }
}
