package io.sluice.config;

/**
 * {@code output.options}: switches that change what events carry or in which order they leave. The configuration
 * loader refuses {@code stackAddresses} when on (not implemented yet), so it is false here.
 *
 * @param sortEvents     events leave in timestamp order within a bounded window (100 ms, Tracee's) before any stream
 *                       sees them ({@code io.sluice.sort.TimestampOrder}); a late event is passed on out of order.
 * @param execEnv        capture the environment of exec events (the kernel source).
 * @param parseArguments the arguments Tracee's {@code parse-arguments} renders (open flags, modes, socket domains and
 *                       types, ptrace requests, prctl options, bpf commands ...) become strings in the record, so every
 *                       format shows them ({@code io.sluice.parse.ArgumentParsers}).
 * @param stackAddresses capture user stack addresses (not implemented yet).
 */
public record OutputOptions(boolean sortEvents, boolean execEnv, boolean parseArguments, boolean stackAddresses)
{
    /** Every option off. */
    public static final OutputOptions NONE = new OutputOptions(false, false, false, false);
}
