package org.crmkit.spi.customer;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** How {@link PhoneNumber#parse} reads numbers written the many ways people write them. */
class PhoneNumberProperties {
    /** A national significant number: 6 to 10 digits, the first not 0. */
    @Provide
    Arbitrary<String> significant() {
        return Combinators.combine(Arbitraries.chars().range('1', '9'),
                        Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(9))
                .as((first, rest) -> first + rest);
    }

    /** What people put between digits. */
    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "-", ".", "/", "\u00a0", " - ");
    }

    /** Country codes whose trunk prefix is 0, and one crmkit does not know. */
    @Provide
    Arbitrary<String> trunkZeroCodes() {
        return Arbitraries.of("49", "44", "33", "41", "43", "31", "353", "61", "81", "91", "27", "234", "994");
    }

    @Property(tries = 1000)
    void parenthesisedZeroAfterTheCountryCode_givesTheNumberWithoutIt(@ForAll("trunkZeroCodes") String code,
                                                                       @ForAll("significant") String number,
                                                                       @ForAll("separators") String a,
                                                                       @ForAll("separators") String b,
                                                                       @ForAll("separators") String inside) {
        String expected = PhoneNumber.parse("+" + code + number).e164();
        String zero = "(" + inside.strip() + "0" + inside.strip() + ")";
        String formatted = spaced(number, b);
        assertThat(PhoneNumber.parse("+" + code + a + zero + b + formatted).e164()).isEqualTo(expected);
        assertThat(PhoneNumber.parse("00" + code + a + zero + formatted).e164()).isEqualTo(expected);
        assertThat(PhoneNumber.parse("+" + code + a + zero + formatted, "DE").e164()).isEqualTo(expected);
    }

    @Property(tries = 500)
    void digitsOutsideParentheses_areNeverDropped(@ForAll("significant") String number,
                                                  @ForAll("separators") String a, @ForAll("separators") String b) {
        String raw = "+39" + a + "0" + spaced(number, b);
        assertThat(PhoneNumber.parse(raw).e164()).isEqualTo("+390" + number);
        assertThat(PhoneNumber.parse("+49" + a + spaced(number, b)).e164()).isEqualTo("+49" + number);
    }

    @Property(tries = 500)
    void nationalNumbers_withTheTrunkPrefixInParentheses_areReadLikeWithout(@ForAll("significant") String number,
                                                                            @ForAll("separators") String a) {
        assertThat(PhoneNumber.parse("(0)" + a + number, "DE").e164()).isEqualTo("+49" + number);
        assertThat(PhoneNumber.parse("(0" + number.substring(0, 2) + ")" + a + number.substring(2), "GB").e164())
                .isEqualTo("+44" + number);
    }

    private static String spaced(String digits, String separator) {
        return digits.substring(0, 3) + separator + digits.substring(3);
    }
}
