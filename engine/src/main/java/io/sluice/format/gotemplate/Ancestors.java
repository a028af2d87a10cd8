package io.sluice.format.gotemplate;

import io.sluice.codec.sbe.EventDecoder.AncestorsDecoder;
import io.sluice.codec.sbe.EventRecordView;
import org.agrona.DirectBuffer;

import java.util.Arrays;

import static io.sluice.format.gotemplate.EventSchema.handle;

/**
 * {@code workload.process.ancestors} of a record, located the first time a template asks (the SBE group reads only
 * forward), so that {@code index} and {@code range} reach any ancestor. Reused for every event.
 */
final class Ancestors
{
    private EventRecordView view;
    private boolean located;
    private int count;
    private long[] uniqueId = new long[8];
    private long[] hostPid = new long[8];
    private long[] pid = new long[8];
    private int[] pathOffset = new int[8];
    private int[] pathLength = new int[8];

    void wrap(final EventRecordView record)
    {
        view = record;
        located = false;
    }

    int count()
    {
        locate();
        return count;
    }

    void field(final TemplateData owner, final int type, final int index, final int field, final Value out)
    {
        locate();
        final DirectBuffer buffer = view.buffer();
        if (type == EventSchema.ANCESTOR_EXECUTABLE_MESSAGE)
        {
            out.setString(buffer, pathOffset[index], pathLength[index]);
            return;
        }
        switch (field)
        {
            case FieldNames.UNIQUE_ID -> out.setUint(GoTypes.UINT64, uniqueId[index]);
            case FieldNames.HOST_PID -> out.setUint(GoTypes.UINT32, hostPid[index]);
            case FieldNames.PID -> out.setUint(GoTypes.UINT32, pid[index]);
            default -> out.setMessage(owner, handle(EventSchema.ANCESTOR_EXECUTABLE_MESSAGE, index), pathLength[index] == 0);
        }
    }

    private void locate()
    {
        if (located)
        {
            return;
        }
        located = true;
        final AncestorsDecoder ancestors = view.ancestors();
        count = ancestors.count();
        if (count > uniqueId.length)
        {
            uniqueId = Arrays.copyOf(uniqueId, count);
            hostPid = Arrays.copyOf(hostPid, count);
            pid = Arrays.copyOf(pid, count);
            pathOffset = Arrays.copyOf(pathOffset, count);
            pathLength = Arrays.copyOf(pathLength, count);
        }
        int i = 0;
        while (ancestors.hasNext())
        {
            ancestors.next();
            uniqueId[i] = ancestors.uniqueId();
            hostPid[i] = ancestors.hostPid();
            pid[i] = ancestors.pid();
            pathOffset[i] = view.event().limit() + AncestorsDecoder.executablePathHeaderLength();
            pathLength[i] = ancestors.skipExecutablePath();
            i++;
        }
    }
}
