package org.crmkit.spi.segment;

/** A comparison operator of a segment condition, with the symbol the segment language writes it as. */
public enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol in the segment language: {@code = != < <= > >=}. */
    public String symbol() {
        return symbol;
    }

    /** Whether a comparison result ({@code compareTo} sign: negative, zero, positive) satisfies this operator. */
    public boolean test(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }

    /** Whether this operator orders values ({@code < <= > >=}) rather than testing equality. */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }
}
