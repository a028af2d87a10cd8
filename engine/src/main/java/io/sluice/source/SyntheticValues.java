package io.sluice.source;

import io.sluice.codec.catalog.ArgType;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible argument values for the synthetic source, one per catalog argument type, so every event kind of the
 * catalog can be generated: numbers in the ranges descriptors, flags and sizes take, paths (some needing JSON
 * escapes, one not ASCII), argv lists, sockaddrs of each family, descriptor pairs and addresses, pointers, and the
 * message-typed values of {@link SyntheticMessages} (credentials, packets, DNS, HTTP). The encoded values are
 * made once; writing one allocates nothing.
 */
final class SyntheticValues
{
    private static final byte[] EMPTY = new byte[0];
    private static final String[] PATHS = {
        "/etc/passwd", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/tmp/x\"quoted\".txt", "/var/log/syslog",
        "/proc/self/status", "/home/user/данные.txt", "/dev/null", "/etc/ld.so.cache"};

    private final byte[][] paths = new byte[PATHS.length][];
    private final SyntheticMessages messages = new SyntheticMessages();
    private final byte[][] argvs = {
        StringArrayBlob.encode(List.of("ls", "-la", "/tmp")),
        StringArrayBlob.encode(List.of("curl", "-s", "http://127.0.0.1:8080/")),
        StringArrayBlob.encode(List.of("bash")),
        StringArrayBlob.encode(List.of("python3", "-c", "print('héllo')"))};
    private final byte[][] sockaddrs = {
        SockaddrBlob.inet(8080, new byte[] {127, 0, 0, 1}),
        SockaddrBlob.inet(443, new byte[] {10, 0, 0, 7}),
        SockaddrBlob.inet6(9000, 0, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 0),
        SockaddrBlob.unix("/run/containerd/containerd.sock".getBytes(StandardCharsets.UTF_8))};
    /** descriptor pairs as pipe2 and socketpair return them */
    private final byte[][] int32Arrays = {
        PackedArrayBlob.encodeInt32(List.of(3, 4)), PackedArrayBlob.encodeInt32(List.of(5, 6)),
        PackedArrayBlob.encodeInt32(List.of(10, 11))};
    /** addresses as a stack trace holds them */
    private final byte[][] uint64Arrays = {
        PackedArrayBlob.encodeUint64(List.of(0x5555_5555_4000L, 0x7f12_3456_7000L)), PackedArrayBlob.encodeUint64(List.of(0x40_1000L))};

    SyntheticValues()
    {
        for (int i = 0; i < PATHS.length; i++)
        {
            paths[i] = PATHS[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Writes one data entry of the type, with a value drawn from the random source.
     *
     * @param writer the record being written.
     * @param type   the argument's catalog type.
     * @param name   the argument's name.
     * @param random the source's random numbers.
     */
    void put(final EventRecordWriter writer, final ArgType type, final byte[] name, final SplittableRandom random)
    {
        switch (type)
        {
            case INT32 -> writer.dataEntry(ValueType.INT32.value(), random.nextInt(-1, 4096), name, EMPTY);
            case INT64 -> writer.dataEntry(ValueType.INT64.value(), random.nextLong(-1, 1L << 40), name, EMPTY);
            case U_INT32 -> writer.dataEntry(ValueType.UINT32.value(), random.nextInt(0, 0x10000), name, EMPTY);
            case U_INT64 -> writer.dataEntry(ValueType.UINT64.value(), random.nextLong(0, Long.MAX_VALUE), name, EMPTY);
            case BOOL -> writer.dataEntry(ValueType.BOOL.value(), random.nextInt(2), name, EMPTY);
            case STR, BYTES -> writer.dataEntry((type == ArgType.STR ? ValueType.STR : ValueType.BYTES).value(), 0, name,
                paths[random.nextInt(paths.length)]);
            case STR_ARRAY -> writer.dataEntry(ValueType.STR_ARRAY.value(), 0, name, argvs[random.nextInt(argvs.length)]);
            case SOCKADDR -> writer.dataEntry(ValueType.SOCKADDR.value(), 0, name, sockaddrs[random.nextInt(sockaddrs.length)]);
            case INT32_ARRAY -> writer.dataEntry(ValueType.INT32_ARRAY.value(), 0, name, int32Arrays[random.nextInt(int32Arrays.length)]);
            case U_INT64_ARRAY -> writer.dataEntry(ValueType.UINT64_ARRAY.value(), 0, name,
                uint64Arrays[random.nextInt(uint64Arrays.length)]);
            case POINTER -> writer.dataEntry(ValueType.POINTER.value(), 0x7f12_3456_0000L + random.nextInt(1 << 20) * 16L, name, EMPTY);
            default ->
            {
                final byte[][] values = messages.values(type);
                writer.dataEntry(type.valueType().value(), 0, name, values[random.nextInt(values.length)]);
            }
        }
    }
}
