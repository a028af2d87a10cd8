package io.sluice.filter.label;

/** An operator of the label selector grammar, with how apimachinery writes it back. */
enum LabelOperator
{
    EXISTS(""),
    DOES_NOT_EXIST(""),
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    IN(" in "),
    NOT_IN(" notin "),
    GREATER_THAN(">"),
    LESS_THAN("<");

    private final String text;

    LabelOperator(final String text)
    {
        this.text = text;
    }

    /** @return the operator as apimachinery's {@code String()} writes it between key and values. */
    String text()
    {
        return text;
    }

    /** @return true for {@code in} and {@code notin}, whose values are a parenthesised set. */
    boolean takesSet()
    {
        return this == IN || this == NOT_IN;
    }

    /** @return true for {@code >} and {@code <}, whose one value is an integer. */
    boolean takesInteger()
    {
        return this == GREATER_THAN || this == LESS_THAN;
    }
}
