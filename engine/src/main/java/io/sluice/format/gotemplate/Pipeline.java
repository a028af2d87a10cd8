package io.sluice.format.gotemplate;

/**
 * A parsed pipeline: its variable declarations ({@code $x :=}, as slots of the template's frame) or assignments
 * ({@code $x =}), then its commands, each one's result passed as the last argument of the next.
 */
final class Pipeline extends Positioned
{
    final int[] slots;
    final boolean assign;
    final Command[] commands;

    Pipeline(final int position, final String text, final int[] slots, final boolean assign, final Command[] commands)
    {
        super(position, text);
        this.slots = slots;
        this.assign = assign;
        this.commands = commands;
    }
}
