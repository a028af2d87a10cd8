package io.sluice.codec.sbe;

/**
 * The {@code Event} fields no output prints but filters read (capabilities, lineage marks, container-new, UTS
 * name; schema version 2). Records written before version 2 lack them: these accessors then answer "none"
 * instead of SBE's null values, and {@link #copy} carries them whenever a record is re-encoded from another.
 * Whether capabilities and the UTS name were read at all is the presence bit {@code processContext}, which a
 * re-encoded record keeps with the rest of its presence bits.
 */
public final class FilterOnlyFields
{
    /** Length of the UTS name field. */
    public static final int UTS_NAME_LENGTH = EventEncoder.utsNameLength();

    private static final byte[] NO_NAME = new byte[UTS_NAME_LENGTH];

    private FilterOnlyFields()
    {
    }

    /**
     * @param event a decoded event.
     * @return true when its record carries the version 2 fields.
     */
    public static boolean present(final EventDecoder event)
    {
        return event.actingVersion() >= 2;
    }

    /**
     * @param event a decoded event.
     * @return true when its capabilities and UTS name were read (a sensor or synthetic record of version 2 or later;
     *         not one rebuilt from protobuf or upgraded from an older record, where they are unknown).
     */
    public static boolean hasProcessContext(final EventDecoder event)
    {
        return present(event) && event.presence().processContext();
    }

    /** @return effective capabilities, 0 when the record has none. */
    public static long capEffective(final EventDecoder event)
    {
        return present(event) ? event.capEffective() : 0;
    }

    /** @return permitted capabilities, 0 when the record has none. */
    public static long capPermitted(final EventDecoder event)
    {
        return present(event) ? event.capPermitted() : 0;
    }

    /** @return inheritable capabilities, 0 when the record has none. */
    public static long capInheritable(final EventDecoder event)
    {
        return present(event) ? event.capInheritable() : 0;
    }

    /** @return the lineage marks computed at ingest, 0 when the record has none. */
    public static long lineageMarks(final EventDecoder event)
    {
        return present(event) ? event.lineageMarks() : 0;
    }

    /** @return true when the event's container was first seen after Sluice started. */
    public static boolean containerNew(final EventDecoder event)
    {
        return present(event) && event.containerNew() == 1;
    }

    /**
     * @param event a decoded event.
     * @param dst   at least {@link #UTS_NAME_LENGTH} bytes.
     * @return the UTS name's length (NUL-padded field), 0 when the record has none.
     */
    public static int utsName(final EventDecoder event, final byte[] dst)
    {
        if (!hasProcessContext(event))
        {
            return 0;
        }
        event.getUtsName(dst, 0);
        int length = 0;
        while (length < UTS_NAME_LENGTH && dst[length] != 0)
        {
            length++;
        }
        return length;
    }

    /**
     * Copy the filter-only fields of one record into another being encoded.
     *
     * @param from  the source record.
     * @param to    the record being encoded (its block already wrapped).
     */
    public static void copy(final EventDecoder from, final EventEncoder to)
    {
        if (present(from))
        {
            to.capEffective(from.capEffective())
                .capPermitted(from.capPermitted())
                .capInheritable(from.capInheritable())
                .lineageMarks(from.lineageMarks())
                .containerNew(from.containerNew());
            for (int i = 0; i < UTS_NAME_LENGTH; i++)
            {
                to.utsName(i, from.utsName(i));
            }
        }
        else
        {
            clear(to);
        }
    }

    /**
     * Set the filter-only fields to "none".
     *
     * @param to the record being encoded.
     */
    public static void clear(final EventEncoder to)
    {
        to.capEffective(0).capPermitted(0).capInheritable(0).lineageMarks(0).containerNew((short)0)
            .putUtsName(NO_NAME, 0);
    }
}
