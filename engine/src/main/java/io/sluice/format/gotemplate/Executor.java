package io.sluice.format.gotemplate;

import org.agrona.ExpandableArrayBuffer;

import java.time.ZoneId;

/**
 * Executes a parsed template over one event at a time, as Go's {@code state.walk} does: text copied, actions printed,
 * {@code if}/{@code with} on Go's truth, {@code range} over lists, maps (in key order) and integers with
 * {@code break}, {@code continue} and {@code else}, {@code template} calls each with a frame of its own variables.
 * Everything it needs is made once; an event's execution allocates nothing on the paths the event format uses
 * (fields, text, comparisons, the string functions), and fails with Go's message otherwise.
 */
final class Executor
{
    /** How deep {@code template} calls may nest (Go allows 100000; a Java thread's stack does not). */
    static final int MAX_DEPTH = 1000;

    private static final int NORMAL = 0;
    private static final int BREAK = 1;
    private static final int CONTINUE = 2;

    private final ExecutionErrors errors;
    private final ValueStack stack;
    private final Evaluator evaluator;
    private final ValueText text;
    private final ByteSink scratch = new ByteSink(new ExpandableArrayBuffer(1024));
    private final SplitMaps splits = new SplitMaps();
    private ByteSink out;
    private int depth;

    /**
     * @param fileName the template's name, for messages.
     * @param source   the template's text, for line and column in messages.
     * @param zone     the zone Sprig's {@code date} formats in.
     */
    Executor(final String fileName, final byte[] source, final ZoneId zone)
    {
        this.errors = new ExecutionErrors(fileName, source);
        final GoTime time = new GoTime(zone, System.nanoTime());
        final ValueStack values = new ValueStack();
        this.text = new ValueText(values, time);
        final Printf printf = new Printf(new PrintfVerbs(text, values));
        final Builtins builtins = new Builtins(values, scratch, text, printf);
        final SprigFunctions sprig = new SprigFunctions(values, scratch, text, new JsonText(values, time), time, splits);
        this.evaluator = new Evaluator(values, errors, new FunctionCalls(values, errors, builtins, sprig));
        this.stack = values;
    }

    /**
     * Renders one event.
     *
     * @param tree the template to execute.
     * @param root the data: dot and {@code $}.
     * @param sink where the text goes.
     * @throws TemplateExecutionException with Go's message when the template fails on this event.
     */
    void execute(final Tree tree, final Value root, final ByteSink sink)
    {
        out = sink;
        scratch.position(0);
        splits.reset();
        stack.release(0);
        depth = 0;
        errors.at(null);
        final Value dot = stack.push().set(root);
        call(tree, dot);
    }

    private void call(final Tree tree, final Value dot)
    {
        final int savedFrame = evaluator.frame();
        final String savedName = errors.executing();
        final int mark = stack.mark();
        final Value self = stack.push().set(dot);
        final int frame = stack.reserve(tree.slots);
        stack.get(frame).set(dot);
        evaluator.frame(frame);
        errors.executing(tree.name);
        walkList(tree.root, self);
        evaluator.frame(savedFrame);
        errors.executing(savedName);
        stack.release(mark);
    }

    private int walkList(final Node[] nodes, final Value dot)
    {
        for (final Node node : nodes)
        {
            final int signal = walk(node, dot);
            if (signal != NORMAL)
            {
                return signal;
            }
        }
        return NORMAL;
    }

    private int walk(final Node node, final Value dot)
    {
        switch (node.kind)
        {
            case Node.TEXT ->
            {
                out.put(node.bytes, 0, node.bytes.capacity());
                return NORMAL;
            }
            case Node.ACTION ->
            {
                final int mark = stack.mark();
                final Value value = stack.push();
                evaluator.pipeline(dot, node.pipe, value);
                if (node.pipe.slots.length == 0)
                {
                    errors.at(node);
                    text.action(value, out);
                }
                stack.release(mark);
                return NORMAL;
            }
            case Node.IF, Node.WITH ->
            {
                final int mark = stack.mark();
                final Value value = stack.push();
                evaluator.pipeline(dot, node.pipe, value);
                final int signal;
                if (value.truth())
                {
                    signal = walkList(node.list, node.kind == Node.WITH ? value : dot);
                }
                else
                {
                    signal = node.elseList == null ? NORMAL : walkList(node.elseList, dot);
                }
                stack.release(mark);
                return signal;
            }
            case Node.RANGE ->
            {
                walkRange(node, dot);
                return NORMAL;
            }
            case Node.TEMPLATE ->
            {
                walkTemplate(node, dot);
                return NORMAL;
            }
            case Node.BREAK ->
            {
                return BREAK;
            }
            default ->
            {
                return CONTINUE;
            }
        }
    }

    private void walkTemplate(final Node node, final Value dot)
    {
        errors.at(node);
        if (node.target == null)
        {
            throw errors.error("template " + GoQuote.quote(node.templateName) + " not defined");
        }
        if (depth == MAX_DEPTH)
        {
            throw errors.error("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        final int mark = stack.mark();
        final Value value = stack.push();
        if (node.pipe == null)
        {
            value.setNil();
        }
        else
        {
            evaluator.pipeline(dot, node.pipe, value);
        }
        depth++;
        call(node.target, value);
        depth--;
        stack.release(mark);
    }

    private void walkRange(final Node node, final Value dot)
    {
        errors.at(node);
        final int mark = stack.mark();
        final Value value = stack.push();
        evaluator.pipeline(dot, node.pipe, value);
        final Value index = stack.push();
        final Value element = stack.push();
        int iterations = 0;
        switch (value.kind)
        {
            case Value.LIST ->
            {
                for (; iterations < value.length; iterations++)
                {
                    index.setInt(GoTypes.INT, iterations);
                    value.element(iterations, element);
                    if (iteration(node, index, element) == BREAK)
                    {
                        iterations++;
                        break;
                    }
                }
            }
            case Value.MAP ->
            {
                final int size = value.size();
                for (; iterations < size; iterations++)
                {
                    value.data.key(value.handle, iterations, index);
                    value.data.entry(value.handle, iterations, element);
                    if (iteration(node, index, element) == BREAK)
                    {
                        iterations++;
                        break;
                    }
                }
            }
            case Value.INT, Value.UINT -> iterations = rangeInteger(node, value, index, element);
            case Value.NIL ->
            {
                // an invalid value acts like an empty map
            }
            default ->
            {
                errors.at(node);
                final int at = scratch.position();
                text.print(value, scratch);
                throw errors.error("range can't iterate over " + scratch.text(at));
            }
        }
        if (iterations == 0 && node.elseList != null)
        {
            walkList(node.elseList, dot);
        }
        stack.release(mark);
    }

    private int rangeInteger(final Node node, final Value value, final Value index, final Value element)
    {
        if (node.pipe.slots.length > 1)
        {
            final int at = scratch.position();
            text.print(value, scratch);
            throw errors.error("can't use " + scratch.text(at) + " to iterate over more than one variable");
        }
        int iterations = 0;
        final long count = value.kind == Value.INT && value.bits < 0 ? 0 : value.bits;
        for (long i = 0; Long.compareUnsigned(i, count) < 0; i++)
        {
            iterations = 1;
            element.set(value).bits = i;
            if (iteration(node, index, element) == BREAK)
            {
                break;
            }
        }
        return iterations;
    }

    private int iteration(final Node node, final Value index, final Value element)
    {
        final int[] slots = node.pipe.slots;
        if (slots.length > 0)
        {
            evaluator.variable(slots[slots.length - 1]).set(element);
        }
        if (slots.length > 1)
        {
            evaluator.variable(slots[0]).set(index);
        }
        return walkList(node.list, element) == BREAK ? BREAK : NORMAL;
    }
}
