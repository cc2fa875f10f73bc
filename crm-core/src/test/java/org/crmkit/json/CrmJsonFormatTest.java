package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Interaction;
import org.junit.jupiter.api.Test;

/** Pins the JSON format on representative values: a change here is a change of the stable format. */
class CrmJsonFormatTest {
    static final String CUSTOMER = """
            {
              "tenant": "acme",
              "id": "c-1",
              "version": 3,
              "party": {
                "kind": "person",
                "given_name": "Ann",
                "family_name": "Lee"
              },
              "stage_history": [
                {
                  "stage": "prospect",
                  "at": "2026-01-01T00:00:00Z"
                },
                {
                  "stage": "customer",
                  "at": "2026-01-02T10:15:30Z"
                }
              ],
              "owner": "rep-7",
              "tags": [
                "newsletter",
                "vip"
              ],
              "contact_points": [
                {
                  "value": {
                    "kind": "email",
                    "address": "ann.lee@example.com"
                  },
                  "usage": "home",
                  "primary": true,
                  "verified": true
                },
                {
                  "value": {
                    "kind": "phone",
                    "e164": "+49301234567"
                  },
                  "usage": "mobile",
                  "primary": false,
                  "verified": false
                },
                {
                  "value": {
                    "kind": "postal",
                    "lines": [
                      "Invalidenstr. 1"
                    ],
                    "postal_code": "10115",
                    "locality": "Berlin",
                    "country": "DE"
                  },
                  "usage": "home",
                  "primary": false,
                  "verified": false
                }
              ],
              "identities": [
                {
                  "system": "erp",
                  "value": "4711"
                }
              ],
              "attributes": {
                "birthday": {
                  "type": "date",
                  "value": "1990-05-17"
                },
                "tier": {
                  "type": "choice",
                  "value": "gold"
                }
              },
              "created_at": "2026-01-01T00:00:00Z",
              "updated_at": "2026-01-02T10:15:30.250Z"
            }""";

    static final String INTERACTION = "{\"tenant\":\"acme\",\"id\":\"i-9\","
            + "\"subject\":{\"kind\":\"customer\",\"customer\":\"c-1\"},\"channel\":\"web\",\"direction\":\"inbound\","
            + "\"type\":\"order_placed\",\"occurred_at\":\"2026-01-03T08:00:00Z\","
            + "\"recorded_at\":\"2026-01-03T08:00:01Z\",\"properties\":{"
            + "\"gift\":{\"type\":\"bool\",\"value\":true},"
            + "\"items\":{\"type\":\"number\",\"value\":3},"
            + "\"note\":{\"type\":\"text\",\"value\":\"leave at the \\\"door\\\"\"},"
            + "\"ratio\":{\"type\":\"number\",\"value\":0.125},"
            + "\"shipping\":{\"type\":\"amount\",\"value\":{\"amount\":\"4.90\",\"currency\":\"EUR\"}}},"
            + "\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"source\":\"webshop\","
            + "\"external_id\":\"order-1001\",\"campaign\":\"spring-26\"}";

    static final String EVENT = "{\"type\":\"interactions_reassigned\","
            + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"tenant\":\"acme\",\"at\":\"2026-01-04T12:00:00Z\","
            + "\"from\":{\"kind\":\"visitor\",\"visitor\":\"cookie-42\"},\"to\":\"c-1\",\"count\":5}";

    final CrmJson json = CrmJson.create();
    final CrmJson pretty = CrmJson.builder().prettyPrinting(true).build();

    @Test
    void customer_prettyPrinted_isWrittenInThePinnedFormat() {
        assertThat(pretty.write(JsonFixtures.customer())).isEqualTo(CUSTOMER);
    }

    @Test
    void customer_compact_isThePinnedFormatWithoutWhiteSpace() {
        assertThat(json.write(JsonFixtures.customer()))
                .isEqualTo(CUSTOMER.replaceAll("\n *", "").replace("\": ", "\":"));
    }

    @Test
    void customer_pinnedFormat_readsBackToTheSameCustomer() {
        assertThat(json.read(CUSTOMER, Customer.class)).isEqualTo(JsonFixtures.customer());
    }

    @Test
    void interaction_withAmountAndProperties_isWrittenInThePinnedFormat() {
        assertThat(json.write(JsonFixtures.interaction())).isEqualTo(INTERACTION);
        assertThat(json.read(INTERACTION, Interaction.class)).isEqualTo(JsonFixtures.interaction());
    }

    @Test
    void domainEvent_isWrittenInThePinnedFormat() {
        assertThat(json.write(JsonFixtures.reassigned())).isEqualTo(EVENT);
        assertThat(json.read(EVENT, DomainEvent.class)).isEqualTo(JsonFixtures.reassigned());
    }

    @Test
    void writeBytes_isTheUtf8OfWrite() {
        assertThat(json.writeBytes(JsonFixtures.interaction()))
                .isEqualTo(INTERACTION.getBytes(StandardCharsets.UTF_8));
        assertThat(json.read(json.writeBytes(JsonFixtures.customer()), Customer.class))
                .isEqualTo(JsonFixtures.customer());
    }

    @Test
    void write_sameValueTwice_givesTheSameBytes() {
        assertThat(pretty.writeBytes(JsonFixtures.customer())).isEqualTo(pretty.writeBytes(JsonFixtures.customer()));
        assertThat(CrmJson.create().write(JsonFixtures.interaction()))
                .isEqualTo(json.write(JsonFixtures.interaction()));
    }
}
