package org.crmkit.segmentation.internal;

/**
 * A token of segment text.
 *
 * @param kind   what it is
 * @param text   the source characters (for a string literal: its unescaped value)
 * @param line   1-based line of its first character
 * @param column 1-based column of its first character
 */
record Token(Kind kind, String text, int line, int column) {
    enum Kind {
        /** A name: letters, digits, underscores, dots inside ({@code rfm.recency}). */
        WORD,
        /** A double-quoted string; {@link #text} is unescaped. */
        STRING,
        /** A decimal number, optionally negative. */
        NUMBER,
        /** An ISO date {@code yyyy-mm-dd}. */
        DATE,
        /** A window such as {@code 30d} or {@code 12h}. */
        WINDOW,
        /** A comparison operator. */
        OPERATOR,
        LPAREN, RPAREN, COMMA, END
    }

    /** Whether this is the word {@code keyword}, ignoring case. */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How an error message shows this token. */
    String describe() {
        return switch (kind) {
            case END -> "end of input";
            case STRING -> "string " + quote(text);
            default -> "'" + shorten(text) + "'";
        };
    }

    static String quote(String s) {
        return "\"" + shorten(s) + "\"";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
