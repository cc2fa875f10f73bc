package org.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChecksProperties {
    @Provide
    Arbitrary<String> candidates() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("aZ09._:-_ é\u0001").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab \t\n\r\u000b\u0085\u2028\u2029\u007f\u00a0é").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    @Property(tries = 3000)
    void token_acceptsExactlyWhatThePatternDescribes(@ForAll("candidates") String value) {
        Throwable thrown = catchThrowable(() -> Checks.token(value, "f", 10));
        boolean expected = value.length() <= 10 && Checks.TOKEN.matcher(value).matches();
        assertThat(thrown == null).isEqualTo(expected);
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ValidationException.class);
        }
    }

    @Property(tries = 3000)
    void snake_acceptsExactlyWhatThePatternDescribes(@ForAll("candidates") String value) {
        Throwable thrown = catchThrowable(() -> Checks.snake(value, "f", 10));
        boolean expected = value.length() <= 10 && Checks.SNAKE.matcher(value).matches();
        assertThat(thrown == null).isEqualTo(expected);
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ValidationException.class);
        }
    }

    @Property(tries = 3000)
    void line_acceptsExactlyNonBlankTextWithoutControlCharactersOrLineSeparators(@ForAll("texts") String value) {
        Throwable thrown = catchThrowable(() -> Checks.line(value, "f", 10));
        boolean expected = value.length() <= 10 && !value.isBlank()
                && value.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
        assertThat(thrown == null).isEqualTo(expected);
        assertRefusalNamesTheFieldOnly(thrown, value);
    }

    @Property(tries = 3000)
    void bounded_acceptsExactlyTextWhoseOnlyControlCharactersAreTabLfAndCr(@ForAll("texts") String value) {
        Throwable thrown = catchThrowable(() -> Checks.bounded(value, "f", 10));
        boolean expected = value.length() <= 10
                && value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
        assertThat(thrown == null).isEqualTo(expected);
        assertRefusalNamesTheFieldOnly(thrown, value);
    }

    @Property(tries = 1000)
    void text_and_boundedLine_areBoundedAndLineWithAndWithoutTheBlankCheck(@ForAll("texts") String value) {
        boolean bounded = catchThrowable(() -> Checks.bounded(value, "f", 10)) == null;
        boolean line = catchThrowable(() -> Checks.boundedLine(value, "f", 10)) == null;
        assertThat(catchThrowable(() -> Checks.text(value, "f", 10)) == null).isEqualTo(bounded && !value.isBlank());
        assertThat(catchThrowable(() -> Checks.line(value, "f", 10)) == null).isEqualTo(line && !value.isBlank());
    }

    private static void assertRefusalNamesTheFieldOnly(Throwable thrown, String value) {
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ValidationException.class);
            assertThat(((ValidationException) thrown).field()).isEqualTo("f");
            if (value.strip().length() > 2) {
                assertThat(thrown.getMessage()).doesNotContain(value.strip());
            }
        }
    }
}
