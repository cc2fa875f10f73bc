package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Interaction;
import org.junit.jupiter.api.Test;

/** Every way a document can be wrong ends in a {@link JsonCodecException} naming the JSONPath and the reason. */
class CrmJsonErrorTest {
    final CrmJson json = CrmJson.create();
    final String customer = json.write(JsonFixtures.customer());

    JsonCodecException failure(String text, Class<?> type) {
        return catchThrowableOfType(JsonCodecException.class, () -> json.read(text, type));
    }

    @Test
    void invalidEmail_isReportedAtItsPathWithTheModelField() {
        String text = customer.replace("ann.lee@example.com", "ann.lee@@example.com");
        JsonCodecException e = failure(text, Customer.class);
        assertThat(e.path()).isEqualTo("$.contact_points[0].value.address");
        assertThat(e.field()).contains("email");
        assertThat(e.getCause()).isInstanceOf(ValidationException.class);
        assertThat(e.getMessage()).doesNotContain("ann.lee");
    }

    @Test
    void invalidPhone_isReportedAtItsPath() {
        JsonCodecException e = failure(customer.replace("+49301234567", "0301234567"), Customer.class);
        assertThat(e.path()).isEqualTo("$.contact_points[1].value.e164");
        assertThat(e.field()).contains("phone");
    }

    @Test
    void inconsistentCustomer_isReportedAtTheObjectWithTheModelField() {
        String text = customer.replace("\"updated_at\":\"2026-01-02T10:15:30.250Z\"",
                "\"updated_at\":\"2025-01-01T00:00:00Z\"");
        JsonCodecException e = failure(text, Customer.class);
        assertThat(e.path()).isEqualTo("$.updated_at");
        assertThat(e.field()).contains("updatedAt");
        assertThat(e.reason()).isEqualTo("invalid updatedAt: is before createdAt");
    }

    @Test
    void modelFieldOfAMember_isReportedAtThatMember() {
        String interaction = json.write(JsonFixtures.interaction());
        assertThat(failure(interaction.replace("\"webshop\"", "\"Web Shop\""), Interaction.class).path())
                .isEqualTo("$.source");
        String repeated = customer.replace("{\"stage\":\"customer\"", "{\"stage\":\"prospect\"");
        assertThat(failure(repeated, Customer.class)).hasMessage(
                "$.stage_history[1]: invalid stageHistory[1]: repeats the stage PROSPECT");
        JsonCodecException person = failure(customer.replace("\"family_name\":\"Lee\"",
                "\"family_name\":\"Lee\",\"job_title\":\"CTO\""), Customer.class);
        assertThat(person.path()).isEqualTo("$.party");
        assertThat(person.field()).contains("party.jobTitle");
    }

    @Test
    void invalidValuesOfTheNewEvents_areReportedAtTheirPaths() {
        String head = "{\"id\":\"00000000-0000-0007-0000-000000000007\",\"tenant\":\"acme\","
                + "\"at\":\"2026-01-01T00:00:00Z\",";
        assertThat(failure(head + "\"type\":\"contact_lifted\",\"contact_hash\":\"abc\"}", DomainEvent.class)
                .path()).isEqualTo("$.contact_hash");
        String consent = head + "\"type\":\"consent_changed\",\"customer\":\"c-1\",\"scope\":{\"channel\":"
                + "\"sms\",\"purpose\":\"marketing\"%s},\"state\":\"%s\"}";
        assertThat(failure(consent.formatted("", "no_record"), DomainEvent.class).path()).isEqualTo("$.state");
        assertThat(failure(consent.formatted("", "maybe"), DomainEvent.class).path()).isEqualTo("$.state");
        assertThat(failure(consent.formatted(",\"contact_point\":{\"kind\":\"email\",\"address\":\"a@b.de\"}",
                "opted_in"), DomainEvent.class).path()).isEqualTo("$.scope.contact_point");
        String score = head + "\"type\":\"score_changed\",\"customer\":\"c-1\",\"scores\":[%s]}";
        String one = "{\"name\":\"%s\",\"value\":%s,\"as_of\":\"2026-01-01T00:00:00Z\"}";
        assertThat(failure(score.formatted(one.formatted("a", "1e400")), DomainEvent.class).path())
                .isEqualTo("$.scores[0].value");
        assertThat(failure(score.formatted(one.formatted("A", "1")), DomainEvent.class).path())
                .isEqualTo("$.scores[0]");
        assertThat(failure(score.formatted(one.formatted("a", "1") + "," + one.formatted("a", "2")),
                DomainEvent.class).path()).isEqualTo("$.scores");
        assertThat(failure(score.formatted(""), DomainEvent.class).path()).isEqualTo("$.scores");
    }

    @Test
    void missingField_isNamed() {
        JsonCodecException e = failure(customer.replace("\"version\":3,", ""), Customer.class);
        assertThat(e).hasMessage("$.version: missing");
    }

    @Test
    void unknownField_isRefused() {
        JsonCodecException e = failure(customer.replace("\"version\":3,", "\"version\":3,\"Version\":4,"),
                Customer.class);
        assertThat(e.path()).isEqualTo("$.Version");
        assertThat(e.reason()).startsWith("unknown field");
    }

    @Test
    void repeatedField_isRefused() {
        JsonCodecException e = failure(customer.replace("\"version\":3,", "\"version\":3,\"version\":4,"),
                Customer.class);
        assertThat(e).hasMessage("$.version: appears twice");
    }

    @Test
    void wrongJsonType_isNamed() {
        assertThat(failure(customer.replace("\"version\":3", "\"version\":\"3\""), Customer.class))
                .hasMessage("$.version: must be an integer, not a string");
        assertThat(failure(customer.replace("\"tags\":[\"newsletter\",\"vip\"]", "\"tags\":[\"newsletter\",7]"),
                Customer.class)).hasMessage("$.tags[1]: must be a string, not a number");
        assertThat(failure(customer.replace("\"owner\":\"rep-7\"", "\"owner\":null"), Customer.class))
                .hasMessage("$.owner: must be a string, not null");
    }

    @Test
    void unknownDiscriminator_listsTheKnownOnes() {
        assertThat(failure("{\"type\":\"float\",\"value\":1}", TypedValue.class))
                .hasMessage("$.type: must be one of text, number, bool, date, choice, amount");
        assertThat(failure(customer.replace("\"kind\":\"email\"", "\"kind\":\"fax\""), Customer.class).path())
                .isEqualTo("$.contact_points[0].value.kind");
    }

    @Test
    void badEnumAndInstant_areNamed() {
        String interaction = json.write(JsonFixtures.interaction());
        assertThat(failure(interaction.replace("\"web\"", "\"WEB\""), Interaction.class).path())
                .isEqualTo("$.channel");
        assertThat(failure(interaction.replace("2026-01-03T08:00:01Z", "2026-01-03 08:00"), Interaction.class))
                .hasMessageStartingWith("$.recorded_at: must be an ISO-8601 instant");
    }

    @Test
    void moneyAmount_mustBeAPlainDecimalString() {
        assertThat(failure("{\"amount\":12.5,\"currency\":\"EUR\"}", Money.class))
                .hasMessage("$.amount: must be a string, not a number");
        assertThat(failure("{\"amount\":\"1e999999999\",\"currency\":\"EUR\"}", Money.class).path())
                .isEqualTo("$.amount");
        assertThat(failure("{\"amount\":\"1.234\",\"currency\":\"EUR\"}", Money.class).field()).contains("amount");
        assertThat(failure("{\"amount\":\"1\",\"currency\":\"eur\"}", Money.class).path()).isEqualTo("$.currency");
    }

    @Test
    void hugeNumber_isRefusedQuickly() {
        JsonCodecException e = failure("{\"type\":\"number\",\"value\":1e999999999}", TypedValue.class);
        assertThat(e.path()).isEqualTo("$.value");
        assertThat(e.field()).contains("value");
    }

    @Test
    void malformedJson_isReportedWithTheParserReason() {
        assertThat(failure("{\"amount\":\"1\",", Money.class).reason()).startsWith("malformed JSON");
        assertThat(failure("{'amount':'1'}", Money.class).reason()).startsWith("malformed JSON");
        assertThat(failure("", Money.class)).isNotNull();
        assertThat(failure("{\"amount\":\"1\",\"currency\":\"EUR\"} {}", Money.class)).isNotNull();
    }

    @Test
    void nullDocument_isRefused() {
        assertThat(failure("null", Customer.class)).hasMessage("$: must be a value, not null");
    }

    @Test
    void nonModelType_isRefused() {
        assertThat(failure("\"x\"", String.class).reason()).contains("not a crmkit model type");
    }

    @Test
    void deepNesting_isRefusedByTheDefaultLimit() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        JsonCodecException e = failure(deep, DomainEvent.class);
        assertThat(e.reason()).contains("nesting depth").contains("1000");

        String deepObject = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertThat(failure(deepObject, Customer.class).reason()).contains("nesting depth");
    }

    @Test
    void nestingWithinTheLimit_isReadAndRefusedForItsShape() {
        String nested = "{\"type\":\"text\",\"value\":" + "[".repeat(999) + "]".repeat(999) + "}";
        assertThat(failure(nested, TypedValue.class)).hasMessage("$.value: must be a string, not an array");
    }
}
