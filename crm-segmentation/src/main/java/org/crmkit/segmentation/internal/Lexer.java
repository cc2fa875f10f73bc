package org.crmkit.segmentation.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.crmkit.segmentation.SegmentSyntaxException;

/** Splits segment text into {@link Token}s, tracking line and column. Single use; not thread-safe. */
final class Lexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String src) {
        this.src = src;
    }

    /** The tokens of {@code src}, ending with an {@link Token.Kind#END} token. */
    static List<Token> tokenize(String src) {
        return new Lexer(src).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                tokens.add(new Token(Token.Kind.END, "", line, column(pos)));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private int column(int at) {
        return at - lineStart + 1;
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        return switch (c) {
            case '(' -> single(Token.Kind.LPAREN, start);
            case ')' -> single(Token.Kind.RPAREN, start);
            case ',' -> single(Token.Kind.COMMA, start);
            case '"' -> string(start);
            case '=' -> operator(start, 1);
            case '<', '>' -> operator(start, peek(1) == '=' ? 2 : 1);
            case '!' -> {
                if (peek(1) != '=') {
                    throw error(start, "'!'", "'!='");
                }
                yield operator(start, 2);
            }
            default -> {
                if (isDigit(c) || c == '-' && isDigit(peek(1))) {
                    yield number(start);
                }
                if (isWordStart(c)) {
                    yield word(start);
                }
                throw error(start, describe(start), "a name, a literal, an operator, '(', ')' or ','");
            }
        };
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < src.length() ? src.charAt(at) : '\0';
    }

    private Token single(Token.Kind kind, int start) {
        pos++;
        return new Token(kind, src.substring(start, pos), line, column(start));
    }

    private Token operator(int start, int length) {
        pos += length;
        return new Token(Token.Kind.OPERATOR, src.substring(start, pos), line, column(start));
    }

    private Token word(int start) {
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isWordPart(c) || c == '.' && isWordStart(peek(1))) {
                pos++;
            } else {
                break;
            }
        }
        return new Token(Token.Kind.WORD, src.substring(start, pos), line, column(start));
    }

    private Token number(int start) {
        if (src.charAt(pos) == '-') {
            pos++;
        }
        digits();
        if (src.charAt(start) != '-' && pos - start == 4 && peek(0) == '-' && isDigit(peek(1))) {
            return date(start);
        }
        if (peek(0) == '.' && isDigit(peek(1))) {
            pos++;
            digits();
        }
        char after = peek(0);
        if ((after == 'd' || after == 'h') && !isWordPart(peek(1)) && isWholeNonNegative(start)) {
            pos++;
            return new Token(Token.Kind.WINDOW, src.substring(start, pos), line, column(start));
        }
        if (isWordPart(after) && !currencyFollows()) {
            throw error(pos, describe(pos), "a space after the number (windows are written 30d or 12h, amounts"
                    + " 100 EUR or 100EUR)");
        }
        return new Token(Token.Kind.NUMBER, src.substring(start, pos), line, column(start));
    }

    /** Whether an ISO-4217 currency code, and nothing more of a word, follows directly ({@code 100EUR}). */
    private boolean currencyFollows() {
        return pos + 3 <= src.length() && !isWordPart(peek(3)) && isCurrency(src.substring(pos, pos + 3));
    }

    /** Whether {@code word} is the code of an ISO-4217 currency: three upper-case letters. */
    static boolean isCurrency(String word) {
        if (word.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = word.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        try {
            Currency.getInstance(word);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean isWholeNonNegative(int start) {
        for (int i = start; i < pos; i++) {
            if (!isDigit(src.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Token date(int start) {
        for (int part = 0; part < 2; part++) {
            if (peek(0) != '-' || !isDigit(peek(1)) || !isDigit(peek(2))) {
                throw error(pos, describe(pos), "a date written yyyy-mm-dd");
            }
            pos += 3;
        }
        if (isWordPart(peek(0))) {
            throw error(pos, describe(pos), "the end of the date yyyy-mm-dd");
        }
        return new Token(Token.Kind.DATE, src.substring(start, pos), line, column(start));
    }

    private void digits() {
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
    }

    private Token string(int start) {
        int startLine = line;
        int startColumn = column(start);
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw new SegmentSyntaxException(startLine, startColumn, "an unterminated string",
                        "a closing '\"'");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return new Token(Token.Kind.STRING, value.toString(), startLine, startColumn);
            }
            if (c == '\n') {
                throw error(pos, "a line break inside a string", "a closing '\"' (write \\n for a line break)");
            }
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    private char escape() {
        char e = peek(1);
        char out = switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> throw error(pos, pos + 1 >= src.length() ? "end of input" : "'\\" + e + "'",
                    "an escape \\\" \\\\ \\n or \\t");
        };
        pos += 2;
        return out;
    }

    private SegmentSyntaxException error(int at, String found, String expected) {
        return new SegmentSyntaxException(line, column(at), found, expected);
    }

    private String describe(int at) {
        if (at >= src.length()) {
            return "end of input";
        }
        char c = src.charAt(at);
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
