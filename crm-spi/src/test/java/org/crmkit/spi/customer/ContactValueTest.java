package org.crmkit.spi.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class ContactValueTest {
    @Test
    void email_isNormalisedToLowerCaseAndStripped() {
        assertThat(EmailAddress.parse("  Ann.Lee@Example.COM ").address()).isEqualTo("ann.lee@example.com");
        assertThat(EmailAddress.parse("Ann@Example.com").key()).isEqualTo("email:ann@example.com");
    }

    @Test
    void email_withoutAt_isRefusedNamingTheField() {
        assertThatThrownBy(() -> EmailAddress.parse("ann.example.com"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("email"))
                .hasMessageContaining("exactly one @");
    }

    @Test
    void email_oversized_isRefused() {
        String local = "a".repeat(65);
        assertThatThrownBy(() -> EmailAddress.parse(local + "@example.com")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> EmailAddress.parse("a@" + "b".repeat(250) + ".com"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("254");
    }

    @Test
    void email_withACharacterThatLowerCasesIntoAscii_isRefusedNotMergedWithTheAsciiAddress() {
        for (String raw : new String[] {"\u212Aate@example.com", "ann@\u212Aelvin.example", "\u0130nes@example.com",
                "ro\u017Fe@example.com", "ann@example.co\u212A"}) {
            assertThatThrownBy(() -> EmailAddress.parse(raw))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("email: not a valid e-mail address: contains a non-ASCII character"
                            + " (write an internationalised domain in its xn-- form)");
        }
        assertThat(EmailAddress.parse("KATE@example.com").address()).isEqualTo("kate@example.com");
    }

    @Test
    void email_withAnInternationalisedDomain_isAcceptedInItsXnForm() {
        assertThat(EmailAddress.parse("ann@xn--mller-kva.example").domain()).isEqualTo("xn--mller-kva.example");
        assertThatThrownBy(() -> EmailAddress.parse("ann@m\u00fcller.example")).isInstanceOf(ValidationException.class);
    }

    @Test
    void email_withSingleLabelDomain_isRefused() {
        assertThatThrownBy(() -> EmailAddress.parse("ann@localhost")).isInstanceOf(ValidationException.class);
    }

    @Test
    void socialHandle_key_ignoresCase() {
        assertThat(new SocialHandle("mastodon", " @Ann@Example.Social ").key())
                .isEqualTo("social:mastodon|@ann@example.social");
        assertThat(new SocialHandle("telegram", "ÜNAL").key()).isEqualTo(new SocialHandle("telegram", "ünal").key());
        assertThat(new SocialHandle("telegram", "ΟΔΟΣ").key()).isEqualTo(new SocialHandle("telegram", "οδος").key());
    }

    @Test
    void socialHandle_key_neverFoldsANonAsciiCharacterIntoAscii() {
        assertThat(new SocialHandle("x", "\u212Aate").key()).isEqualTo("social:x|\u212Aate")
                .isNotEqualTo(new SocialHandle("x", "kate").key());
        assertThat(new SocialHandle("x", "\u0130NES").key()).isEqualTo("social:x|\u0130nes");
    }

    @Test
    void phone_nationalNumber_usesTheDefaultRegion() {
        assertThat(PhoneNumber.parse("030 1234567", "DE").e164()).isEqualTo("+49301234567");
        assertThat(PhoneNumber.parse("(415) 555-0100", "US").e164()).isEqualTo("+14155550100");
        assertThat(PhoneNumber.parse("0049 30 1234567", "DE").e164()).isEqualTo("+49301234567");
    }

    @Test
    void phone_nationalNumber_dropsTheRegionsOwnTrunkPrefix() {
        assertThat(PhoneNumber.parse("02 1234 5678", "SK").e164()).isEqualTo("+421212345678");
        assertThat(PhoneNumber.parse("0903 123 456", "SK").e164()).isEqualTo("+421903123456");
        assertThat(PhoneNumber.parse("04 123 4567", "AE").e164()).isEqualTo("+97141234567");
        assertThat(PhoneNumber.parse("050 123 4567", "SA").e164()).isEqualTo("+966501234567");
        assertThat(PhoneNumber.parse("0917 123 4567", "PH").e164()).isEqualTo("+639171234567");
        assertThat(PhoneNumber.parse("06 1 234 5678", "HU").e164()).isEqualTo("+3612345678");
        assertThat(PhoneNumber.parse("06 30 123 4567", "HU").e164()).isEqualTo("+36301234567");
        assertThat(PhoneNumber.parse("8 (495) 123-45-67", "RU").e164()).isEqualTo("+74951234567");
    }

    @Test
    void phone_nationalNumber_ofARegionWithoutTrunkPrefix_keepsEveryDigit() {
        assertThat(PhoneNumber.parse("06 1234 5678", "IT").e164()).isEqualTo("+390612345678");
        assertThat(PhoneNumber.parse("235 12 34", "LI").e164()).isEqualTo("+4232351234");
        assertThat(PhoneNumber.parse("55 1234 5678", "MX").e164()).isEqualTo("+525512345678");
        assertThat(PhoneNumber.parse("912 345 678", "ES").e164()).isEqualTo("+34912345678");
    }

    @Test
    void phone_internationalNumber_ignoresTheRegion() {
        assertThat(PhoneNumber.parse("+44 20 7946 0958", "DE").e164()).isEqualTo("+442079460958");
        assertThat(PhoneNumber.parse("+44 20 7946 0958").key()).isEqualTo("phone:+442079460958");
    }

    @Test
    void phone_parenthesisedTrunkPrefixAfterTheCountryCode_isDropped() {
        for (String raw : new String[] {"+49 (0)30 1234567", "+49(0)301234567", "+49 (0) 30 1234567",
                "+49 ( 0 ) 30 1234567", "+49-(0)30-1234567", "0049 (0)30 1234567", "(+49) (0)30 1234567",
                "+49 (030) 1234567", "+49 (0 30) 1234567"}) {
            assertThat(PhoneNumber.parse(raw).e164()).as(raw).isEqualTo("+49301234567");
            assertThat(PhoneNumber.parse(raw, "DE").e164()).as(raw).isEqualTo("+49301234567");
        }
        assertThat(PhoneNumber.parse("+44 (0)20 7946 0958").e164()).isEqualTo("+442079460958");
        assertThat(PhoneNumber.parse("+44 (020) 7946 0958", "FR").e164()).isEqualTo("+442079460958");
        assertThat(PhoneNumber.parse("011 44 (0) 20 7946 0958", "US").e164()).isEqualTo("+442079460958");
        assertThat(PhoneNumber.parse("+353 (0)1 234 5678").e164()).isEqualTo("+35312345678");
        assertThat(PhoneNumber.parse("+36 (06 1) 234 5678").e164()).isEqualTo("+3612345678");
        assertThat(PhoneNumber.parse("+7 (8) 495 123-45-67").e164()).isEqualTo("+74951234567");
    }

    @Test
    void phone_parenthesisedDigitsThatAreNotATrunkPrefix_areKept() {
        assertThat(PhoneNumber.parse("+1 (415) 555-0100").e164()).isEqualTo("+14155550100");
        assertThat(PhoneNumber.parse("+7 (812) 123-45-67").e164()).isEqualTo("+78121234567");
        assertThat(PhoneNumber.parse("+39 06 1234 5678").e164()).isEqualTo("+390612345678");
        assertThat(PhoneNumber.parse("+39 (06) 1234 5678").e164()).isEqualTo("+390612345678");
        assertThat(PhoneNumber.parse("+49 30 (0) 1234567").e164()).isEqualTo("+493001234567");
        assertThat(PhoneNumber.parse("+225 (07) 12 34 56 78").e164()).isEqualTo("+2250712345678");
        assertThat(PhoneNumber.parse("+225 (0)7 12 34 56 78").e164()).isEqualTo("+225712345678");
    }

    @Test
    void phone_unpairedNestedOrEmptyParentheses_areRefused() {
        for (String raw : new String[] {"+49 ((0)) 30 1234567", "+49 (0 30 1234567", "+49 0) 30 1234567",
                "+49 () 30 1234567", "+49 (0)) 30 1234567"}) {
            assertThatThrownBy(() -> PhoneNumber.parse(raw)).as(raw)
                    .isInstanceOf(ValidationException.class).hasMessageContaining("parentheses");
        }
    }

    @Test
    void phone_nationalNumberWithoutRegion_isRefused() {
        assertThatThrownBy(() -> PhoneNumber.parse("030 1234567"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("default region");
    }

    @Test
    void phone_unknownRegion_isRefusedNamingTheRegion() {
        assertThatThrownBy(() -> PhoneNumber.parse("030 1234567", "XX"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("defaultRegion"));
    }

    @Test
    void phone_letters_areRefused() {
        assertThatThrownBy(() -> PhoneNumber.parse("+49 30 CALL-ME", "DE"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("character");
    }

    @Test
    void phone_supportedRegions_includeTheMajorMarkets() {
        assertThat(PhoneNumber.supportedRegions()).contains("DE", "US", "GB", "FR", "JP", "IN", "BR", "CN");
    }
}
