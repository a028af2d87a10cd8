package io.sluice.format.gotemplate;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.PresenceDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

import static io.sluice.format.gotemplate.EventSchema.handle;

/**
 * An event record seen as the {@code v1beta1.Event} message tree a template reads, straight from the located
 * record ({@link EventRecordView}): a sub-message the record's presence bits leave out is a nil pointer, strings are
 * byte ranges of the record, numbers are read when asked for. The data entries, their values and the ancestors are
 * in {@link EventValues} and {@link Ancestors}; the threat properties, a Go map, in {@link ThreatProperties}.
 * Reused for every event; reading allocates nothing.
 */
final class EventData implements TemplateData
{
    private static final UnsafeBuffer EMPTY = new UnsafeBuffer(new byte[0]);

    private final EnumNames enums = new EnumNames();
    private final UnsafeBuffer[] policyNames;
    private final EventValues values = new EventValues(this);
    private final Ancestors ancestors = new Ancestors();
    private final UserStack userStack = new UserStack();
    private final ThreatProperties properties = new ThreatProperties();
    private final EventMessages messages;
    private EventDecoder event;
    private int presence;

    /**
     * @param catalog     names of event ids, for records that leave {@code name} empty.
     * @param policyNames the policies in force, by bit.
     */
    EventData(final EventCatalog catalog, final String[] policyNames)
    {
        this.messages = new EventMessages(this, catalog, values, ancestors, userStack);
        this.policyNames = new UnsafeBuffer[Math.min(policyNames.length, Long.SIZE)];
        for (int i = 0; i < this.policyNames.length; i++)
        {
            if (policyNames[i] != null)
            {
                this.policyNames[i] = new UnsafeBuffer(policyNames[i].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * @param record a located record.
     * @param root   set to the event's message.
     */
    void wrap(final EventRecordView record, final Value root)
    {
        this.event = record.event();
        this.presence = record.presence();
        messages.wrap(record);
        values.wrap(record);
        ancestors.wrap(record);
        userStack.wrap(record);
        properties.wrap(record);
        root.setMessage(this, handle(EventSchema.EVENT, 0), false);
    }

    @Override
    public String typeName(final long handle)
    {
        return EventSchema.typeName(handle);
    }

    @Override
    public boolean hasField(final long message, final FieldStep field)
    {
        return field.id >= 0 && EventSchema.hasField(message, field.id);
    }

    @Override
    public boolean field(final long message, final FieldStep field, final Value out)
    {
        if (field.id < 0 || !EventSchema.hasField(message, field.id))
        {
            return false;
        }
        read(message, field.id, out);
        return true;
    }

    /**
     * Reads a field the message's type has.
     */
    void read(final long message, final int field, final Value out)
    {
        messages.read(message, field, out);
    }

    @Override
    public int size(final long composite)
    {
        return switch (EventSchema.type(composite))
        {
            case EventSchema.MATCHED_LIST -> matchedCount();
            case EventSchema.ANCESTOR_LIST -> ancestors.count();
            case EventSchema.STACK_ADDRESS_LIST -> userStack.count();
            case EventSchema.PROPERTIES_MAP -> properties.size();
            default -> values.size(composite);
        };
    }

    @Override
    public void element(final long list, final int index, final Value out)
    {
        switch (EventSchema.type(list))
        {
            case EventSchema.MATCHED_LIST -> matched(index, out);
            case EventSchema.ANCESTOR_LIST -> out.setMessage(this, handle(EventSchema.ANCESTOR_MESSAGE, index), false);
            case EventSchema.STACK_ADDRESS_LIST -> out.setMessage(this, handle(EventSchema.STACK_ADDRESS_MESSAGE, index), false);
            default -> values.element(list, index, out);
        }
    }

    private int matchedCount()
    {
        final long matched = PresenceDecoder.policies(presence) ? event.policiesMatched() : 0;
        int count = 0;
        for (int bit = 0; bit < policyNames.length; bit++)
        {
            if ((matched & (1L << bit)) != 0 && policyNames[bit] != null)
            {
                count++;
            }
        }
        return count;
    }

    private void matched(final int index, final Value out)
    {
        final long matched = event.policiesMatched();
        int seen = 0;
        for (int bit = 0; bit < policyNames.length; bit++)
        {
            if ((matched & (1L << bit)) != 0 && policyNames[bit] != null && seen++ == index)
            {
                out.setString(policyNames[bit], 0, policyNames[bit].capacity());
                return;
            }
        }
    }

    @Override
    public void key(final long map, final int index, final Value out)
    {
        properties.key(index, out);
    }

    @Override
    public void entry(final long map, final int index, final Value out)
    {
        properties.value(index, out);
    }

    @Override
    public boolean lookup(final long map, final DirectBuffer key, final int offset, final int length, final Value out)
    {
        return properties.lookup(key, offset, length, out);
    }

    @Override
    public void zeroElement(final long map, final Value out)
    {
        out.setString(EMPTY, 0, 0);
    }

    @Override
    public int fieldCount(final long message)
    {
        return EventSchema.fields(message).length;
    }

    @Override
    public String fieldName(final long message, final int index)
    {
        return FieldNames.nameOf(EventSchema.fields(message)[index]);
    }

    @Override
    public boolean fieldAt(final long message, final int index, final Value out)
    {
        final int field = EventSchema.fields(message)[index];
        if (EventSchema.type(message) == EventSchema.EVENT_VALUE_MESSAGE)
        {
            return values.memberSet(EventSchema.index(message), field, out);
        }
        read(message, field, out);
        return out.kind == Value.MESSAGE ? !out.nil : out.truth();
    }

    @Override
    public byte[] enumName(final long enumType, final long number)
    {
        return enums.name(EventSchema.type(enumType), number);
    }
}
