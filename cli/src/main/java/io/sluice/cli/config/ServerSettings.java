package io.sluice.cli.config;

/**
 * What a {@code --config} file's {@code server} section (Tracee's) asks for: the HTTP listener's address and its
 * endpoints ({@code http-address}, {@code metrics}, {@code healthz}) and the event service's address
 * ({@code grpc-address}). Filled by {@link ServerSectionReader}; each value keeps where it was written, so a later
 * refusal names file and line. A flag given on the command line wins over the file.
 */
public final class ServerSettings
{
    private Setting httpAddress;
    private Setting grpcAddress;
    private Setting metrics;
    private Setting healthz;

    /**
     * One value as written.
     *
     * @param value  the text.
     * @param origin {@code file:line}.
     * @param field  the dotted field ({@code server.http-address}).
     */
    public record Setting(String value, String origin, String field)
    {
        /** @return true for the YAML boolean true. */
        public boolean on()
        {
            return Boolean.parseBoolean(value);
        }
    }

    /** @return {@code server.http-address}, or null. */
    public Setting httpAddress()
    {
        return httpAddress;
    }

    /** @return {@code server.grpc-address}, or null. */
    public Setting grpcAddress()
    {
        return grpcAddress;
    }

    /** @return {@code server.metrics}, or null. */
    public Setting metrics()
    {
        return metrics;
    }

    /** @return {@code server.healthz}, or null. */
    public Setting healthz()
    {
        return healthz;
    }

    void httpAddress(final Setting setting)
    {
        httpAddress = setting;
    }

    void grpcAddress(final Setting setting)
    {
        grpcAddress = setting;
    }

    void metrics(final Setting setting)
    {
        metrics = setting;
    }

    void healthz(final Setting setting)
    {
        healthz = setting;
    }
}
