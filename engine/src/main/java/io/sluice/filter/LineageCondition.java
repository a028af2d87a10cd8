package io.sluice.filter;

import io.sluice.codec.sbe.ValueType;
import io.sluice.filter.text.RegexList;
import io.sluice.policy.EventView;
import io.sluice.process.ArgumentText;
import io.sluice.process.ProcessEntry;
import io.sluice.process.ProcessTree;

import java.nio.charset.StandardCharsets;

/**
 * An export filter field that needs the process's lineage, which only the ingest thread's process tree knows:
 * {@code pid_set} (the process or any ancestor is one of the pids), {@code ancestor_binary_regex} (any ancestor's
 * binary), {@code arguments_regex} (the process's arguments) and {@code parent_arguments_regex} (its parent's).
 * The ingest thread answers it once per event ({@link #evaluate}) into one bit of the record's lineage marks;
 * filters on any thread then read that bit ({@link #heldBy}). Without a process tree (replay, synthetic sources) it
 * answers from the record alone: the parent as the only ancestor, an exec's own argv, no parent arguments.
 */
public final class LineageCondition
{
    /** What the condition looks at. */
    enum Kind
    {
        PID_SET("pid_set"),
        ANCESTOR_BINARY("ancestor_binary_regex"),
        ARGUMENTS("arguments_regex"),
        PARENT_ARGUMENTS("parent_arguments_regex");

        final String field;

        Kind(final String field)
        {
            this.field = field;
        }
    }

    private static final byte[] ARGV = "argv".getBytes(StandardCharsets.UTF_8);

    private final Kind kind;
    private final int[] pids;
    private final RegexList regexes;
    private final ArgumentText arguments = new ArgumentText(Integer.MAX_VALUE);
    private long bit;

    private LineageCondition(final Kind kind, final int[] pids, final RegexList regexes)
    {
        this.kind = kind;
        this.pids = pids;
        this.regexes = regexes;
    }

    static LineageCondition pidSet(final int[] pids)
    {
        return new LineageCondition(Kind.PID_SET, pids.clone(), null);
    }

    static LineageCondition regexes(final Kind kind, final RegexList regexes)
    {
        return new LineageCondition(kind, null, regexes);
    }

    /** @return the filter field this condition came from. */
    public String field()
    {
        return kind.field;
    }

    /**
     * Give this condition its bit in the lineage marks (done once, when the engine is built).
     *
     * @param index 0 to 63.
     */
    public void assign(final int index)
    {
        bit = 1L << index;
    }

    /** @return this condition's bit, 0 until assigned. */
    public long bit()
    {
        return bit;
    }

    /**
     * @param event a decoded event whose lineage marks the ingest thread computed.
     * @return true when this condition held for it.
     */
    boolean heldBy(final EventView event)
    {
        return (event.lineageMarks() & bit) != 0;
    }

    /**
     * Answer the condition for an event (ingest thread only: the regular expressions' matchers are reused).
     *
     * @param event the decoded event; its {@link EventView#tree()} is the process tree, or null.
     * @return true when it holds.
     */
    public boolean evaluate(final EventView event)
    {
        if (event.tree() == null)
        {
            return switch (kind)
            {
                case PID_SET -> pidInRecord(event);
                case ANCESTOR_BINARY -> ancestorBinaryInRecord(event);
                case ARGUMENTS -> execArguments(event);
                case PARENT_ARGUMENTS -> false;
            };
        }
        final ProcessEntry self = event.processEntry();
        return switch (kind)
        {
            case PID_SET -> ProcessTree.inLineage(event.hostPid(), self, pids);
            case ANCESTOR_BINARY -> ancestorBinary(self);
            case ARGUMENTS -> treeArguments(self);
            case PARENT_ARGUMENTS -> parentArguments(self);
        };
    }

    private boolean pidInRecord(final EventView event)
    {
        if (ProcessTree.contains(pids, event.hostPid()))
        {
            return true;
        }
        for (int i = 0; i < event.ancestorCount(); i++)
        {
            if (ProcessTree.contains(pids, event.ancestorPid(i)))
            {
                return true;
            }
        }
        return false;
    }

    private boolean ancestorBinary(final ProcessEntry self)
    {
        ProcessEntry entry = self;
        for (int depth = 0; depth < ProcessTree.MAX_LINEAGE_DEPTH && entry != null; depth++)
        {
            entry = entry.parent();
            if (entry != null && regexes.any(entry.exeBytes(), 0, entry.exeLength()))
            {
                return true;
            }
        }
        return false;
    }

    private boolean ancestorBinaryInRecord(final EventView event)
    {
        for (int i = 0; i < event.ancestorCount(); i++)
        {
            if (regexes.any(event.ancestorExe(i), 0, event.ancestorExeLength(i)))
            {
                return true;
            }
        }
        return false;
    }

    private boolean treeArguments(final ProcessEntry self)
    {
        return self == null ? regexes.any(arguments.clear().bytes(), 0, 0) :
            regexes.any(self.argumentsBytes(), 0, self.argumentsLength());
    }

    private boolean parentArguments(final ProcessEntry self)
    {
        final ProcessEntry parent = self == null ? null : self.parent();
        return parent != null && regexes.any(parent.argumentsBytes(), 0, parent.argumentsLength());
    }

    /** An exec's own arguments (Tetragon's {@code process.arguments} of that exec); else none. */
    private boolean execArguments(final EventView event)
    {
        final int i = event.dataIndex(ARGV);
        if (i < 0 || event.dataType(i) != ValueType.STR_ARRAY)
        {
            arguments.clear();
        }
        else
        {
            arguments.ofStrArray(event.dataValue(i), 0, event.dataValueLength(i));
        }
        return regexes.any(arguments.bytes(), 0, arguments.length());
    }
}
