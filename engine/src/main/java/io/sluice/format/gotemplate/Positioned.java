package io.sluice.format.gotemplate;

/**
 * A parsed piece of a template with where it came from: its byte offset in the file, for Go's {@code NAME:LINE:COL}
 * in execution errors, and its source text, for Go's {@code at <...>}.
 */
abstract class Positioned
{
    final int position;
    final String text;

    Positioned(final int position, final String text)
    {
        this.position = position;
        this.text = text;
    }
}
