package org.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.DeviceToken;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.customer.SocialHandle;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.VisitorId;

/** Random and malformed input to every value constructor and parser of the model: a value or a ValidationException. */
class ValuesProperties {
    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("+0123456789 ()-./@abcAZ_.:").ofMaxLength(60),
                Arbitraries.strings().ascii().ofMaxLength(80),
                Arbitraries.of("", " ", "\u0000", "a@b.c", "+", "00", "ann@example.com", "+49301234567",
                        "a".repeat(1000), "\uD800", "é@ü.de"));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.oneOf(Arbitraries.of(PhoneNumber.supportedRegions().toArray(String[]::new)),
                Arbitraries.strings().ofMaxLength(3));
    }

    @Property(tries = 2000)
    void email_parse_givesANormalisedValueOrAValidationException(@ForAll("junk") String raw) {
        EmailAddress email = valueOrValidationFailure(() -> EmailAddress.parse(raw));
        if (email != null) {
            assertThat(EmailAddress.parse(email.address())).isEqualTo(email);
            assertThat(email.address()).isEqualTo(email.address().toLowerCase(Locale.ROOT));
            assertThat(email.address()).hasSizeLessThanOrEqualTo(254).containsOnlyOnce("@");
        }
    }

    @Provide
    Arbitrary<String> caseFoldingInput() {
        Arbitrary<String> ascii = Arbitraries.strings().withChars("aAkKiIsSzZ09.-_+@").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> folding = Arbitraries.strings()
                .withChars("kK\u212A\u212Bi\u0130\u0131s\u017F\u00DF\uFB00\u1E9E\uFF21@.").ofMaxLength(4);
        return Combinators.combine(ascii, folding, ascii, Arbitraries.of("@example.com", "@EXAMPLE.org", "", " "))
                .as((a, f, b, domain) -> " " + a + f + b + domain);
    }

    @Property(tries = 3000)
    void email_parse_acceptsOnlyAsciiInputThatEqualsTheAddressIgnoringCase(
            @ForAll("caseFoldingInput") String raw, @ForAll("junk") String junk) {
        for (String input : new String[] {raw, junk}) {
            EmailAddress email = valueOrValidationFailure(() -> EmailAddress.parse(input));
            if (email != null) {
                assertThat(input.strip()).matches("\\p{ASCII}*");
                assertThat(input.strip().equalsIgnoreCase(email.address())).isTrue();
            }
        }
    }

    @Property(tries = 2000)
    void socialHandle_key_foldsAsciiCaseButNeverTurnsNonAsciiIntoAscii(@ForAll("caseFoldingInput") String raw) {
        SocialHandle handle = valueOrValidationFailure(() -> new SocialHandle("x", raw));
        if (handle != null) {
            String folded = handle.key().substring("social:x|".length());
            assertThat(folded.chars().filter(c -> c > 0x7F).count())
                    .isEqualTo(handle.handle().chars().filter(c -> c > 0x7F).count());
            if (handle.handle().matches("\\p{ASCII}*")) {
                assertThat(folded).isEqualTo(handle.handle().toLowerCase(Locale.ROOT));
            }
        }
    }

    @Property(tries = 2000)
    void phone_parse_givesE164OrAValidationException(@ForAll("junk") String raw, @ForAll("regions") String region) {
        PhoneNumber phone = valueOrValidationFailure(() -> PhoneNumber.parse(raw, region));
        if (phone != null) {
            assertThat(phone.e164()).matches("\\+[1-9][0-9]{7,14}");
            assertThat(PhoneNumber.parse(phone.e164())).isEqualTo(phone);
        }
    }

    @Property(tries = 1000)
    void money_parse_givesAValueAtCurrencyScaleOrAValidationException(@ForAll("junk") String amount,
                                                                      @ForAll("junk") String currency) {
        valueOrValidationFailure(() -> Money.of(amount, currency));
        Money euros = valueOrValidationFailure(() -> Money.of(amount, "EUR"));
        if (euros != null) {
            assertThat(euros.amount().scale()).isEqualTo(2);
        }
    }

    @Property(tries = 1000)
    void identifiers_acceptOrRefuseWithValidationException(@ForAll("junk") String raw) {
        valueOrValidationFailure(() -> new CustomerId(raw));
        valueOrValidationFailure(() -> new InteractionId(raw));
        valueOrValidationFailure(() -> new VisitorId(raw));
        valueOrValidationFailure(() -> new CampaignId(raw));
        valueOrValidationFailure(() -> new TenantId(raw));
        valueOrValidationFailure(() -> new InteractionType(raw));
        valueOrValidationFailure(() -> new ExternalIdentity(raw, raw));
        valueOrValidationFailure(() -> new ExternalIdentity("webshop", raw));
    }

    @Property(tries = 1000)
    void partiesAndContactValues_acceptOrRefuseWithValidationException(@ForAll("junk") String a,
                                                                        @ForAll("junk") String b) {
        valueOrValidationFailure(() -> Person.named(a, b));
        valueOrValidationFailure(() -> Organization.named(a));
        valueOrValidationFailure(() -> new SocialHandle(a, b));
        valueOrValidationFailure(() -> new DeviceToken(a, b));
        valueOrValidationFailure(() -> PostalAddress.of(a, b, a, b));
        valueOrValidationFailure(() -> PostalAddress.of("Main Street 1", b, "Berlin", a));
    }

    @Property(tries = 500)
    void typedValues_acceptOrRefuseWithValidationException(@ForAll("junk") String raw) {
        valueOrValidationFailure(() -> TypedValue.of(raw));
        valueOrValidationFailure(() -> TypedValue.choice(raw));
    }

    private static <T> T valueOrValidationFailure(Supplier<T> construction) {
        Object[] result = new Object[1];
        Throwable thrown = catchThrowable(() -> result[0] = construction.get());
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ValidationException.class);
            assertThat(((ValidationException) thrown).field()).isNotBlank();
            return null;
        }
        assertThat(result[0]).isNotNull();
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
