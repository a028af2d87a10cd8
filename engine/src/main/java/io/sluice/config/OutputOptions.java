package io.sluice.config;

/**
 * {@code output.options}: switches that change what events carry or in which order they leave. {@code execEnv} and
 * {@code stackAddresses} are implemented; the configuration loader refuses the others when on, so they are false here.
 *
 * @param sortEvents     order events by timestamp within a bounded window before streams see them (not implemented yet).
 * @param execEnv        capture the environment of exec events (the kernel source).
 * @param parseArguments print flags and modes as names instead of numbers (not implemented yet).
 * @param stackAddresses capture the user stack of the thread behind each kernel event
 *                       ({@code thread.user_stack_trace}).
 */
public record OutputOptions(boolean sortEvents, boolean execEnv, boolean parseArguments, boolean stackAddresses)
{
    /** Every option off. */
    public static final OutputOptions NONE = new OutputOptions(false, false, false, false);
}
