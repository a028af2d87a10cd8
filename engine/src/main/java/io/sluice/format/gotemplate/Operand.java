package io.sluice.format.gotemplate;

/**
 * One operand of a command, compiled: a field chain ({@code .a.b}, as {@link FieldStep}s), a variable (its slot, and
 * fields after it), a chain after a parenthesised pipeline ({@code (pipe).a}), dot, nil, a constant (its value, made
 * once), a function (its id in {@link Functions}) or a parenthesised pipeline.
 */
final class Operand extends Positioned
{
    static final int FIELD = 0;
    static final int VARIABLE = 1;
    static final int CHAIN = 2;
    static final int DOT = 3;
    static final int NIL = 4;
    static final int BOOL = 5;
    static final int NUMBER = 6;
    static final int STRING = 7;
    static final int FUNCTION = 8;
    static final int PIPE = 9;

    final int kind;
    final FieldStep[] fields;
    final int slot;
    final Pipeline pipe;
    final Operand receiver;
    final Value constant;
    final int function;
    /** For a number: true when it is an integer constant. */
    final boolean integer;

    Operand(final int kind, final int position, final String text, final FieldStep[] fields, final int slot,
        final Pipeline pipe, final Operand receiver, final Value constant, final int function, final boolean integer)
    {
        super(position, text);
        this.kind = kind;
        this.fields = fields;
        this.slot = slot;
        this.pipe = pipe;
        this.receiver = receiver;
        this.constant = constant;
        this.function = function;
        this.integer = integer;
    }

    static Operand simple(final int kind, final int position, final String text)
    {
        return new Operand(kind, position, text, null, -1, null, null, null, -1, false);
    }

    static Operand constant(final int kind, final int position, final String text, final Value value, final boolean integer)
    {
        return new Operand(kind, position, text, null, -1, null, null, value, -1, integer);
    }
}
