package io.sluice.format.gotemplate;

import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.UserStackBlob;

import java.util.Arrays;

/**
 * {@code workload.process.thread.user_stack_trace.addresses} of a record, located the first time a template asks
 * (the frames read only forward), so that {@code index} and {@code range} reach any frame. Reused for every event.
 */
final class UserStack
{
    private EventRecordView view;
    private boolean located;
    private int count;
    private long[] address = new long[20];
    private int[] symbolOffset = new int[20];
    private int[] symbolLength = new int[20];

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

    /**
     * A field of {@code StackAddress} {@code index}: {@code address}, or {@code symbol}.
     */
    void field(final int index, final int field, final Value out)
    {
        locate();
        if (field == FieldNames.ADDRESS)
        {
            out.setUint(GoTypes.UINT64, address[index]);
        }
        else
        {
            out.setString(view.buffer(), symbolOffset[index], symbolLength[index]);
        }
    }

    private void locate()
    {
        if (located)
        {
            return;
        }
        located = true;
        count = 0;
        final UserStackBlob frames = view.userStack();
        while (frames.next())
        {
            if (count == address.length)
            {
                address = Arrays.copyOf(address, count * 2);
                symbolOffset = Arrays.copyOf(symbolOffset, count * 2);
                symbolLength = Arrays.copyOf(symbolLength, count * 2);
            }
            address[count] = frames.address();
            symbolOffset[count] = frames.symbolOffset();
            symbolLength[count] = frames.symbolLength();
            count++;
        }
    }
}
