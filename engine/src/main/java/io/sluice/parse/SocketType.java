package io.sluice.parse;

import org.agrona.MutableDirectBuffer;

/**
 * {@code socket}'s {@code type} as Tracee's {@code ParseSocketType} prints it: the type named from the low four bits
 * (the whole value as a signed decimal when they name none), then {@code |SOCK_NONBLOCK} and {@code |SOCK_CLOEXEC}
 * when those bits are set.
 */
final class SocketType implements ArgumentParser
{
    private static final byte[][] TYPES = new byte[16][];
    private static final Flag SOCK_NONBLOCK = Flag.of(04000, "SOCK_NONBLOCK");
    private static final Flag SOCK_CLOEXEC = Flag.of(02000000, "SOCK_CLOEXEC");

    static
    {
        for (final Flag type : new Flag[] {Flag.of(1, "SOCK_STREAM"), Flag.of(2, "SOCK_DGRAM"), Flag.of(3, "SOCK_RAW"),
            Flag.of(4, "SOCK_RDM"), Flag.of(5, "SOCK_SEQPACKET"), Flag.of(6, "SOCK_DCCP"), Flag.of(10, "SOCK_PACKET")})
        {
            TYPES[(int)type.value] = type.name;
        }
    }

    @Override
    public int parse(final long raw, final MutableDirectBuffer out, final int offset)
    {
        final byte[] type = TYPES[(int)(raw & 0xf)];
        int at = offset + (type != null ? Text.put(out, offset, type) : Text.signedDecimal(out, offset, raw));
        if (SOCK_NONBLOCK.in(raw))
        {
            at += Text.join(out, offset, at, SOCK_NONBLOCK.name);
        }
        if (SOCK_CLOEXEC.in(raw))
        {
            at += Text.join(out, offset, at, SOCK_CLOEXEC.name);
        }
        return at - offset;
    }
}
