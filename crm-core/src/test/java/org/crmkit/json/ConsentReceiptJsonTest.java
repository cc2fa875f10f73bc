package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.crmkit.Crm;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

class ConsentReceiptJsonTest {
    @Test
    void receipt_listsEveryConsentWithItsEvidenceAndHistory() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
        Crm crm = Crm.builder().clock(clock).seed(1)
                .consentKey("a key of at least thirty-two bytes!".getBytes(StandardCharsets.UTF_8)).build();
        TenantId t = TenantId.of("t");
        Customer ann = crm.customers().register(t, Person.named("Ann", "Lee"), b -> b);
        crm.consents().optIn(t, ann.id(), ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING),
                Capture.PRE_TICKED_BOX, new Evidence(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "checkout"),
                        clock.instant(), Optional.of(Wording.of("m-1", "Offers by e-mail")),
                        Optional.of(new TechnicalProof(Optional.of("192.0.2.7"),
                                Optional.empty()))));

        JsonNode json = new ObjectMapper().readTree(CrmJson.create().write(crm.consents().receipt(t, ann.id())));

        assertThat(json.get("format").asText()).isEqualTo("crmkit.consent_receipt");
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
    }
}
