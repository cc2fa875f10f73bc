package org.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void line_refusesLineBreaksTabsAndSeparators_namingTheCharacterNotTheValue() {
        assertThatThrownBy(() -> Checks.line("ann\nbob", "identity.value", 128))
                .isInstanceOf(ValidationException.class)
                .hasMessage("identity.value: contains the control character U+000A");
        assertThatThrownBy(() -> Checks.line("ann\rbob", "f", 128)).hasMessageEndingWith("U+000D");
        assertThatThrownBy(() -> Checks.line("ann\tbob", "f", 128)).hasMessageEndingWith("U+0009");
        assertThatThrownBy(() -> Checks.line("ann\u0085bob", "f", 128)).hasMessageEndingWith("U+0085");
        assertThatThrownBy(() -> Checks.line("ann\u2028bob", "f", 128))
                .hasMessage("f: contains the line separator U+2028");
        assertThatThrownBy(() -> Checks.line("ann\u2029bob", "f", 128)).hasMessageEndingWith("U+2029");
    }

    @Test
    void line_acceptsPrintableTextOfAnyScript() {
        assertThat(Checks.line("Zoë Ødegård-Łukasz 李 ☎", "f", 64)).isEqualTo("Zoë Ødegård-Łukasz 李 ☎");
    }

    @Test
    void line_refusesBlankButBoundedLineAcceptsEmpty() {
        assertThatThrownBy(() -> Checks.line(" ", "f", 10)).hasMessage("f: must not be blank");
        assertThat(Checks.boundedLine("", "f", 10)).isEmpty();
        assertThatThrownBy(() -> Checks.boundedLine("a\nb", "f", 10)).isInstanceOf(ValidationException.class);
    }

    @Test
    void text_keepsLineBreaksAndTabsButRefusesOtherControlCharacters() {
        assertThat(Checks.text("first line\r\n\tsecond\u2028third", "f", 100)).contains("\n");
        assertThatThrownBy(() -> Checks.text("bell\u0007", "f", 100))
                .hasMessage("f: contains the control character U+0007");
        assertThatThrownBy(() -> Checks.bounded("nel\u0085", "f", 100)).hasMessageEndingWith("U+0085");
    }

    @Test
    void tooLong_namesTheLengthsNotTheValue() {
        assertThatThrownBy(() -> Checks.line("secret-value", "f", 5))
                .hasMessage("f: longer than 5 characters (12)");
    }
}
