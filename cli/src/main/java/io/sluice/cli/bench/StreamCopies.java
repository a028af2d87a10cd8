package io.sluice.cli.bench;

import io.sluice.config.DestinationConfig;
import io.sluice.config.OutputConfig;
import io.sluice.config.StreamConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sluice bench --streams K}: K copies of every stream the output describes, each with copies of its own
 * destinations (a destination belongs to one stream), so a run measures what K streams cost. Copy k (from 2) of a
 * stream or destination is named {@code NAME#k}; a file destination's copy writes {@code PATH.k}, except the devices
 * ({@code /dev/...}) and stdout, which every copy shares.
 */
public final class StreamCopies
{
    private StreamCopies()
    {
    }

    /**
     * @param output the validated output.
     * @param copies how many copies of each stream, 1 or more.
     * @return the output with the copies (the same one for 1).
     */
    public static OutputConfig of(final OutputConfig output, final int copies)
    {
        if (copies < 1)
        {
            throw new IllegalArgumentException("--streams: must be 1 or more, got " + copies);
        }
        if (copies == 1)
        {
            return output;
        }
        final List<DestinationConfig> destinations = new ArrayList<>(output.destinations());
        final List<StreamConfig> streams = new ArrayList<>(output.streams());
        for (int k = 2; k <= copies; k++)
        {
            for (final StreamConfig stream : output.streams())
            {
                final List<String> names = new ArrayList<>();
                for (final String name : stream.destinations())
                {
                    final DestinationConfig original = output.destination(name);
                    destinations.add(copy(original, k));
                    names.add(name + "#" + k);
                }
                streams.add(new StreamConfig(stream.name() + "#" + k, List.copyOf(names), stream.events(), stream.policies(),
                    stream.mode(), stream.bufferSize(), stream.implicit(), stream.exports()));
            }
        }
        return new OutputConfig(List.copyOf(destinations), List.copyOf(streams), output.options());
    }

    private static DestinationConfig copy(final DestinationConfig original, final int k)
    {
        final String path = original.path();
        final boolean shared = path == null || path.startsWith("/dev/") || "stdout".equals(path) || "stderr".equals(path);
        return new DestinationConfig(original.name() + "#" + k, original.type(), original.format(),
            shared ? path : path + "." + k, original.url(), original.rotation(), original.roll(), original.retry(),
            original.options());
    }
}
