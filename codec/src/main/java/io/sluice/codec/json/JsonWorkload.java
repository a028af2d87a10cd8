package io.sluice.codec.json;

import io.sluice.codec.sbe.AncestorCursor;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.UserStackBlob;

/**
 * {@code workload} of a {@code v1beta1.Event}: the process, its thread and user stack, its users and ancestors, the
 * container and the pod, in field-number order, defaults omitted. What a thread's events repeat (its identity, its
 * process) is copied from a {@link JsonWorkloadMemo} when the record's bytes for it are those written last time.
 */
final class JsonWorkload extends JsonEventPart
{
    private final JsonWorkloadMemo memo = new JsonWorkloadMemo();

    JsonWorkload(final EventRecordView view, final JsonSink json)
    {
        super(view, json);
    }

    /**
     * @return events whose thread and process were copied from the memo (tests).
     */
    long copiedFromMemo()
    {
        return memo.hits();
    }

    void write(final JsonKey open, final int presence)
    {
        if (PresenceDecoder.process(presence))
        {
            // "workload":{"process":{ in one write
            json.keyInRoom(JsonKeyPaths.WORKLOAD_PROCESS);
            writeProcess(presence);
        }
        else
        {
            json.keyInRoom(open);
        }
        if (PresenceDecoder.container(presence))
        {
            json.keyInRoom(JsonKeys.CONTAINER_OPEN);
            writeString(JsonKeys.ID, EventVarData.CONTAINER_ID);
            writeString(JsonKeys.NAME, EventVarData.CONTAINER_NAME);
            if (PresenceDecoder.containerImage(presence))
            {
                json.keyInRoom(JsonKeys.IMAGE_OPEN);
                writeString(JsonKeys.ID, EventVarData.CONTAINER_IMAGE_ID);
                writeString(JsonKeys.NAME, EventVarData.CONTAINER_IMAGE_NAME);
                json.endObjectInRoom();
            }
            if (view.event().containerIsRunning() != 0)
            {
                json.keyInRoom(JsonKeys.IS_RUNNING);
                json.boolInRoom(true);
            }
            json.endObjectInRoom();
        }
        if (PresenceDecoder.pod(presence))
        {
            json.keyInRoom(JsonKeys.POD_OPEN);
            writeString(JsonKeys.NAME, EventVarData.POD_NAME);
            writeString(JsonKeys.UID, EventVarData.POD_UID);
            writeString(JsonKeys.NAMESPACE, EventVarData.POD_NAMESPACE);
            json.endObjectInRoom();
        }
        json.endObjectInRoom();
    }

    /**
     * The process, its key and brace written: the thread's head and the process after its thread are copied from the
     * {@link JsonWorkloadMemo} when it wrote them for the same bytes before, and written and kept otherwise.
     */
    private void writeProcess(final int presence)
    {
        final boolean copied = memo.holdsOrTakes(view, presence);
        final boolean thread = PresenceDecoder.thread(presence);
        if (copied)
        {
            memo.writeThread(json);
        }
        else if (thread)
        {
            final int from = json.position;
            writeThreadHead(presence);
            memo.keepThread(json, from);
        }
        else
        {
            memo.keepThread(json, json.position);
        }
        if (thread)
        {
            writeString(JsonKeys.SYSCALL, EventVarData.SYSCALL);
            if (view.event().compat() != 0)
            {
                json.keyInRoom(JsonKeys.COMPAT);
                json.boolInRoom(true);
            }
            if (PresenceDecoder.userStackTrace(presence))
            {
                writeUserStack(JsonKeys.USER_STACK_TRACE_OPEN);
            }
            json.endObjectInRoom();
        }
        if (copied)
        {
            memo.writeProcess(json);
        }
        else
        {
            final int from = json.position;
            writeProcessTail(presence);
            memo.keepProcess(json, from);
        }
        json.endObjectInRoom();
    }

    /** The thread's key and brace, its name, start time and ids: what the memo keeps of it. */
    private void writeThreadHead(final int presence)
    {
        writeOpenedString(JsonKeys.THREAD_OPEN, JsonKeyPaths.THREAD_NAME, EventVarData.THREAD_NAME);
        if (PresenceDecoder.threadStartTime(presence))
        {
            writeTimestamp(JsonKeys.START_TIME_OPEN, JsonKeyPaths.START_TIME_SECONDS,
                view.event().threadStartSeconds(), view.event().threadStartNanos());
        }
        writeUint64(JsonKeys.UNIQUE_ID, view.event().threadUniqueId());
        writeUint32(JsonKeys.HOST_TID, (int)view.event().hostTid());
        writeUint32(JsonKeys.TID, (int)view.event().tid());
    }

    /** The process's fields after its thread, {@code pid} to {@code user}: what the memo keeps of it. */
    private void writeProcessTail(final int presence)
    {
        if (PresenceDecoder.pid(presence))
        {
            writeWrappedUint32(JsonKeys.PID_OPEN, JsonKeyPaths.PID_VALUE, (int)view.event().pid());
        }
        if (PresenceDecoder.realUser(presence))
        {
            writeUser(JsonKeys.REAL_USER_OPEN, PresenceDecoder.realUserId(presence), (int)view.event().realUserId());
        }
        if (PresenceDecoder.executable(presence))
        {
            writeOpenedString(JsonKeys.EXECUTABLE_OPEN, JsonKeyPaths.EXECUTABLE_PATH, EventVarData.EXECUTABLE_PATH);
            json.endObjectInRoom();
        }
        writeAncestors();
        writeUint64(JsonKeys.UNIQUE_ID, view.event().processUniqueId());
        if (PresenceDecoder.hostPid(presence))
        {
            writeWrappedUint32(JsonKeys.HOST_PID_OPEN, JsonKeyPaths.HOST_PID_VALUE, (int)view.event().hostPid());
        }
        if (PresenceDecoder.user(presence))
        {
            writeUser(JsonKeys.USER_OPEN, PresenceDecoder.userId(presence), (int)view.event().userId());
        }
    }

    /** {@code UserStackTrace}: its frames, each a {@code StackAddress} (address 0 and no symbol print {@code {}}). */
    private void writeUserStack(final JsonKey open)
    {
        json.keyInRoom(open);
        final UserStackBlob frames = view.userStack();
        if (frames.next())
        {
            json.keyInRoom(JsonKeys.ADDRESSES);
            json.beginArrayInRoom();
            do
            {
                json.beginObjectInRoom();
                writeUint64(JsonKeys.ADDRESS, frames.address());
                if (frames.symbolLength() > 0)
                {
                    json.stringFieldInRoom(JsonKeys.SYMBOL, view.buffer(), frames.symbolOffset(), frames.symbolLength());
                }
                json.endObjectInRoom();
            }
            while (frames.next());
            json.endArrayInRoom();
        }
        json.endObjectInRoom();
    }

    private void writeUser(final JsonKey open, final boolean hasId, final int id)
    {
        json.keyInRoom(open);
        if (hasId)
        {
            writeWrappedUint32(JsonKeys.ID_OPEN, JsonKeyPaths.ID_VALUE, id);
        }
        json.endObjectInRoom();
    }

    /** A {@code google.protobuf.UInt32Value}: {@code openValue} is {@code open} with the key of its value after it. */
    private void writeWrappedUint32(final JsonKey open, final JsonKey openValue, final int value)
    {
        if (value != 0)
        {
            json.uint32FieldInRoom(openValue, value);
        }
        else
        {
            json.keyInRoom(open);
        }
        json.endObjectInRoom();
    }

    /**
     * An object's key and brace, then its first member, a string of the record, when it is not empty: {@code openFirst}
     * is {@code open} with the member's key after it. The object is left open.
     */
    private void writeOpenedString(final JsonKey open, final JsonKey openFirst, final int string)
    {
        final int length = view.stringLength(string);
        if (length > 0)
        {
            json.stringFieldInRoom(openFirst, view.buffer(), view.stringOffset(string), length);
        }
        else
        {
            json.keyInRoom(open);
        }
    }

    private void writeAncestors()
    {
        final AncestorCursor ancestors = view.ancestorCursor();
        if (ancestors.count() == 0)
        {
            return;
        }
        json.keyInRoom(JsonKeyPaths.ANCESTORS_ARRAY);
        while (ancestors.next())
        {
            json.beginObjectInRoom();
            writeUint64(JsonKeys.UNIQUE_ID, ancestors.uniqueId());
            writeUint32(JsonKeys.HOST_PID, ancestors.hostPid());
            writeUint32(JsonKeys.PID, ancestors.pid());
            final int pathLength = ancestors.pathLength();
            if (pathLength > 0)
            {
                json.stringFieldInRoom(JsonKeyPaths.EXECUTABLE_PATH, view.buffer(), ancestors.pathOffset(), pathLength);
                json.endObjectInRoom();
            }
            json.endObjectInRoom();
        }
        json.endArrayInRoom();
    }
}
