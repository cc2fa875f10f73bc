package org.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.DeviceToken;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.customer.SocialHandle;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * Every identifier, key, token and one-line value of the model refuses a line break, a tab or any other control or
 * line-separator character, naming the field and the character but never the value.
 */
class SingleLineFieldsProperties {
    /** Field to a constructor that puts a value into that field. */
    private static final Map<String, Function<String, Object>> FIELDS = Map.ofEntries(
            Map.entry("identity.value", v -> ExternalIdentity.of("webshop", v)),
            Map.entry("device.token", v -> new DeviceToken("apns", v)),
            Map.entry("externalId", v -> order().source("webshop", v).build()),
            Map.entry("social.handle", v -> new SocialHandle("mastodon", v)),
            Map.entry("address.lines[0]", v -> PostalAddress.of(v, "10115", "Berlin", "DE")),
            Map.entry("address.postalCode", v -> PostalAddress.of("Main Street 1", v, "Berlin", "DE")),
            Map.entry("address.locality", v -> PostalAddress.of("Main Street 1", "10115", v, "DE")),
            Map.entry("address.region", v -> new PostalAddress(List.of("Main Street 1"), "94103", "San Francisco",
                    Optional.of(v), "US")),
            Map.entry("party.name", Organization::named),
            Map.entry("party.registrationNumber", v -> new Organization("Acme", Optional.of(v))),
            Map.entry("party.givenName", v -> Person.named(v, "Lee")),
            Map.entry("party.familyName", v -> Person.named("Ann", v)),
            Map.entry("party.jobTitle", v -> Person.named("Ann", "Lee").contactOf(CustomerId.of("acme"), v)),
            Map.entry("proof.userAgent", v -> new TechnicalProof(Optional.empty(), Optional.of(v))),
            Map.entry("after", v -> InteractionQuery.all().after(v)));

    private static Interaction.Builder order() {
        return Interaction.builder(TenantId.DEFAULT, InteractionId.of("i-1"), Subject.customer(CustomerId.of("c-1")),
                Channel.WEB, InteractionType.ORDER_PLACED, Instant.EPOCH);
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of(FIELDS.keySet());
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("Q7", "Zoë Ødegård", "HRB 12345", "Mozilla/5.0 X11", "cursor:abc", "李小龙");
    }

    @Provide
    Arbitrary<Character> breaks() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.chars().range('\u007f', '\u009f'), Arbitraries.of('\u2028', '\u2029'));
    }

    @Property(tries = 1000)
    void oneLineFields_refuseControlCharactersAndLineSeparators(@ForAll("fields") String field,
                                                                @ForAll("values") String value,
                                                                @ForAll("breaks") char breaking,
                                                                @ForAll @IntRange(max = 2) int at) {
        Function<String, Object> construct = FIELDS.get(field);
        assertThat(construct.apply(value)).isNotNull();
        String broken = value.substring(0, at) + breaking + value.substring(at);
        String what = breaking >= '\u2028' ? "line separator" : "control character";
        assertThatThrownBy(() -> construct.apply(broken))
                .isInstanceOf(ValidationException.class)
                .hasMessage("%s: contains the %s U+%04X", field, what, (int) breaking);
    }
}
