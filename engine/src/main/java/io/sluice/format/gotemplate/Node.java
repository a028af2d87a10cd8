package io.sluice.format.gotemplate;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One node of a parsed template, a switch for the {@link Executor}: text, an action, {@code if}, {@code with},
 * {@code range} (each with its list and else list), a {@code template} call, {@code break} or {@code continue}.
 */
final class Node extends Positioned
{
    static final int TEXT = 0;
    static final int ACTION = 1;
    static final int IF = 2;
    static final int WITH = 3;
    static final int RANGE = 4;
    static final int TEMPLATE = 5;
    static final int BREAK = 6;
    static final int CONTINUE = 7;

    final int kind;
    final UnsafeBuffer bytes;
    final Pipeline pipe;
    final Node[] list;
    final Node[] elseList;
    final String templateName;
    /** The called template, bound when the whole file is parsed; null when it is not defined (an execution error). */
    Tree target;

    private Node(final int kind, final int position, final String text, final UnsafeBuffer bytes, final Pipeline pipe,
        final Node[] list, final Node[] elseList, final String templateName)
    {
        super(position, text);
        this.kind = kind;
        this.bytes = bytes;
        this.pipe = pipe;
        this.list = list;
        this.elseList = elseList;
        this.templateName = templateName;
    }

    static Node text(final int position, final byte[] text)
    {
        return new Node(TEXT, position, "", new UnsafeBuffer(text), null, null, null, null);
    }

    static Node action(final int position, final String text, final Pipeline pipe)
    {
        return new Node(ACTION, position, text, null, pipe, null, null, null);
    }

    static Node branch(final int kind, final int position, final String text, final Pipeline pipe, final Node[] list,
        final Node[] elseList)
    {
        return new Node(kind, position, text, null, pipe, list, elseList, null);
    }

    static Node template(final int position, final String text, final String name, final Pipeline pipe)
    {
        return new Node(TEMPLATE, position, text, null, pipe, null, null, name);
    }

    static Node loopControl(final int kind, final int position, final String text)
    {
        return new Node(kind, position, text, null, null, null, null, null);
    }
}
