package io.sluice.cli.getevents;

import io.grpc.ChannelCredentials;
import io.sluice.cli.ExitCodes;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.destination.FileDestination;
import io.sluice.format.ColorMode;
import io.sluice.format.TerminalCheck;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code sluice getevents}: Tetragon's {@code tetra getevents} for Sluice's event service. Events from a server
 * ({@code sluice --grpc-address}), filtered there by the request the flags make, or, when stdin is piped, JSON events
 * read from stdin and filtered here with the same request; printed as JSON or Tetragon's compact lines.
 */
@Command(
    name = "getevents",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {"Print events from a Sluice event service (sluice --grpc-address), or filter piped JSON events, as tetra getevents.",
        "Reconnects when the server restarts; stops on SIGINT or SIGTERM."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  sluice getevents -o compact",
        "  sluice getevents --server-address unix:/run/sluice.sock --event-types sched_process_exec,connect",
        "  sluice getevents -o compact --processes curl,wget --timestamps",
        "  sluice getevents -f name,workload.process.pid",
        "  sluice getevents --server-address localhost:4466 --tls-ca-cert-files /etc/sluice/grpc-cert.pem",
        "  sluice --output json:/tmp/ev.json ...; sluice getevents -o compact --namespaces default < /tmp/ev.json",
        "",
        "Stdin that is a pipe or a file is read for events instead of connecting (redirect it from /dev/null to connect).",
        "Exit codes: 0 stopped (or stdin read to its end), 1 stdout failed, 2 bad usage or a request the server refused."})
public final class GetEventsCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "json",
        description = "json (default: one event a line, as sluice --output json prints it) or compact (Tetragon's lines).")
    private String output;

    @Option(names = "--server-address", paramLabel = "ADDRESS",
        description = "HOST:PORT or unix:/PATH of the server (default: " + ServerAddress.DEFAULT + ").")
    private String serverAddress;

    @Option(names = "--tls-ca-cert-files", split = ",", paramLabel = "FILE",
        description = "Connect over TLS, trusting the certificates (PEM) in these files to sign the server's.")
    private List<Path> tlsCaFiles = new ArrayList<>();

    @Mixin
    private RequestFlags flags;

    @Option(names = "--timestamps", description = "Compact output: the event's time (UTC, nanoseconds) before each line.")
    private boolean timestamps;

    @Option(names = "--color", paramLabel = "WHEN", description = "Compact output: auto (default: on a terminal), always or never.")
    private String color;

    private final InputStream in;
    private final OutputStream out;
    private final boolean stdinPiped;
    private final boolean stdoutTerminal;

    /** The command on this process's stdin and stdout. */
    public GetEventsCommand()
    {
        this(System.in, new FileOutputStream(FileDescriptor.out), StdinKind.piped(), TerminalCheck.isTerminal(FileDestination.STDOUT));
    }

    GetEventsCommand(final InputStream in, final OutputStream out, final boolean stdinPiped, final boolean stdoutTerminal)
    {
        this.in = in;
        this.out = out;
        this.stdinPiped = stdinPiped;
        this.stdoutTerminal = stdoutTerminal;
    }

    @Override
    public Integer call() throws InterruptedException
    {
        final PrintWriter err = spec.commandLine().getErr();
        final EventCatalog catalog = EventCatalog.standard();
        final StreamEventsRequest request;
        final ColorMode colorMode;
        final ChannelCredentials credentials;
        try
        {
            if (!"json".equals(output) && !"compact".equals(output))
            {
                throw new IllegalArgumentException("--output '" + output + "': expected json or compact");
            }
            final List<String> compactOnly = new ArrayList<>();
            if (timestamps)
            {
                compactOnly.add("--timestamps");
            }
            if (color != null)
            {
                compactOnly.add("--color");
            }
            if ("json".equals(output) && !compactOnly.isEmpty())
            {
                throw new IllegalArgumentException(String.join(" and ", compactOnly) + " apply to -o compact only");
            }
            colorMode = color == null ? ColorMode.AUTO : colorMode(color);
            request = flags.request();
            final List<String> serverOnly = flags.serverOnly();
            if (serverAddress != null)
            {
                ServerAddress.target(serverAddress);
                serverOnly.add(0, "--server-address");
            }
            if (!tlsCaFiles.isEmpty())
            {
                serverOnly.add("--tls-ca-cert-files");
            }
            if (stdinPiped && !serverOnly.isEmpty())
            {
                throw new IllegalArgumentException(String.join(", ", serverOnly) + ": stdin is piped, so events are read from it"
                    + " and no server is asked (redirect stdin from /dev/null to connect)");
            }
            credentials = ServerCredentials.of(tlsCaFiles);
        }
        catch (final IllegalArgumentException ex)
        {
            return refused(err, ex);
        }
        final PolicyOrder policies = new PolicyOrder(request.getPoliciesList());
        final EventPrinter printer = new EventPrinter(catalog, output, colorMode, stdoutTerminal, timestamps, out,
            policies);
        return stdinPiped ? fromStdin(err, request, catalog, policies, printer) : fromServer(err, credentials, request, printer);
    }

    private int fromStdin(final PrintWriter err, final StreamEventsRequest request, final EventCatalog catalog,
        final PolicyOrder policies, final EventPrinter printer)
    {
        final LocalFilter filter;
        try
        {
            filter = new LocalFilter(request, catalog, policies);
        }
        catch (final ConfigException | IllegalArgumentException ex)
        {
            return refused(err, ex);
        }
        try
        {
            new PipedEvents(printer, filter, err).run(in);
            return ExitCodes.OK;
        }
        catch (final IOException ex)
        {
            if (!EventPrinter.readerLeft(ex))
            {
                err.println("sluice getevents: " + ex.getMessage());
                err.flush();
            }
            return ExitCodes.RUNTIME_FAILURE;
        }
    }

    private int fromServer(final PrintWriter err, final ChannelCredentials credentials, final StreamEventsRequest request,
        final EventPrinter printer) throws InterruptedException
    {
        final ServerEvents events = new ServerEvents(serverAddress == null ? ServerAddress.DEFAULT : serverAddress,
            credentials, request, printer, err);
        final AtomicInteger signals = new AtomicInteger();
        final SignalHandler stop = signal ->
        {
            if (signals.incrementAndGet() == 1)
            {
                events.stop();
            }
            else
            {
                // a second signal while stdout blocks the printing
                Runtime.getRuntime().halt(130);
            }
        };
        final SignalHandler previousInt = Signal.handle(new Signal("INT"), stop);
        final SignalHandler previousTerm = Signal.handle(new Signal("TERM"), stop);
        try
        {
            return events.run();
        }
        finally
        {
            Signal.handle(new Signal("INT"), previousInt);
            Signal.handle(new Signal("TERM"), previousTerm);
        }
    }

    private static ColorMode colorMode(final String value)
    {
        try
        {
            return ColorMode.parse(value);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--color " + ex.getMessage(), ex);
        }
    }

    private static int refused(final PrintWriter err, final RuntimeException problem)
    {
        err.println("sluice getevents: " + problem.getMessage());
        err.flush();
        return ExitCodes.USAGE;
    }
}
