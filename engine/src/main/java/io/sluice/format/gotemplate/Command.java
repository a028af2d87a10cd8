package io.sluice.format.gotemplate;

/**
 * One command of a pipeline: its operands, the first being a function, a field (a method in Go), a value or a
 * parenthesised pipeline.
 */
final class Command extends Positioned
{
    final Operand[] args;

    Command(final int position, final String text, final Operand[] args)
    {
        super(position, text);
        this.args = args;
    }
}
