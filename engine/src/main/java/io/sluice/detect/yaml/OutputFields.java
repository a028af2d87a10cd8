package io.sluice.detect.yaml;

import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.detect.DetectionFields;
import io.sluice.policy.EventView;

/**
 * A YAML detector's {@code output.fields}: computed when its filters and conditions matched (a required field that
 * cannot be computed raises nothing), then written as the detection's {@code data}, in the order declared.
 */
final class OutputFields implements DetectionFields
{
    private final OutputField[] fields;
    private final boolean[] present;
    private int count;
    private final org.agrona.concurrent.UnsafeBuffer nameBuffer = new org.agrona.concurrent.UnsafeBuffer(0, 0);
    private final org.agrona.concurrent.UnsafeBuffer valueBuffer = new org.agrona.concurrent.UnsafeBuffer(0, 0);

    OutputFields(final OutputField[] fields)
    {
        this.fields = fields;
        this.present = new boolean[fields.length];
    }

    /**
     * @param event the trigger.
     * @return false when a required field could not be computed.
     */
    boolean computeAll(final EventView event)
    {
        count = 0;
        for (int i = 0; i < fields.length; i++)
        {
            present[i] = fields[i].compute(event);
            if (!present[i] && !fields[i].optional)
            {
                return false;
            }
            count += present[i] ? 1 : 0;
        }
        return true;
    }

    @Override
    public int compute(final EventView trigger)
    {
        return count;
    }

    @Override
    public void write(final EventRecordWriter out)
    {
        for (int i = 0; i < fields.length; i++)
        {
            if (present[i])
            {
                final OutputField field = fields[i];
                nameBuffer.wrap(field.name);
                valueBuffer.wrap(field.value);
                out.dataEntry(field.valueType, field.intValue, nameBuffer, 0, field.name.length, valueBuffer, 0, field.valueLength);
            }
        }
    }
}
