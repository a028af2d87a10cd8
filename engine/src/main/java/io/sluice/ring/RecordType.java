package io.sluice.ring;

import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.KernelEventEncoder;
import io.sluice.codec.sbe.LossEncoder;

/**
 * Message type ids of records in the shared ring: the SBE template id of the message each record holds.
 * A record's payload is the SBE message header followed by the message.
 */
public final class RecordType
{
    /** A raw sensor record, enriched by the engine. */
    public static final int KERNEL_EVENT = KernelEventEncoder.TEMPLATE_ID;
    /** An enriched event (synthetic load, replay). */
    public static final int EVENT = EventEncoder.TEMPLATE_ID;
    /** Events lost before the ring. */
    public static final int LOSS = LossEncoder.TEMPLATE_ID;

    private RecordType()
    {
    }
}
