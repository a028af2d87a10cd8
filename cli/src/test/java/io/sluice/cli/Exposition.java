package io.sluice.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: one scrape of {@code /metrics}, parsed by Python's {@code prometheus_client} (Debian's
 * python3-prometheus-client) rather than by anything of Sluice's: the families with their types, and each sample's
 * value by name and labels.
 */
final class Exposition
{
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> types = new HashMap<>();
    private final Map<String, Double> samples = new HashMap<>();
    private final String text;

    private Exposition(final String text)
    {
        this.text = text;
    }

    /**
     * @param url the {@code /metrics} URL.
     * @return the scrape, parsed.
     * @throws IOException when the scrape fails or the exposition does not parse.
     */
    static Exposition scrape(final String url) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = get(url);
        if (response.statusCode() != 200)
        {
            throw new IOException(url + ": HTTP " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /**
     * @param url a URL on loopback.
     * @return its answer.
     */
    static HttpResponse<String> get(final String url) throws IOException, InterruptedException
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Exposition parse(final String text) throws IOException, InterruptedException
    {
        final Process parser = new ProcessBuilder("/usr/bin/python3", script().toString()).start();
        try (OutputStream in = parser.getOutputStream())
        {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        final String out = new String(parser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String err = new String(parser.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!parser.waitFor(30, TimeUnit.SECONDS) || parser.exitValue() != 0)
        {
            throw new IOException("prometheus_client could not parse the exposition: " + err + "\n" + text);
        }
        final Exposition exposition = new Exposition(text);
        for (final String line : out.split("\n"))
        {
            final String[] fields = line.split("\t", -1);
            if (fields[0].equals("FAMILY"))
            {
                exposition.types.put(fields[1], fields[2]);
            }
            else if (fields[0].equals("SAMPLE"))
            {
                exposition.samples.put(fields[1] + "{" + fields[2] + "}", Double.parseDouble(fields[3]));
            }
        }
        return exposition;
    }

    /**
     * @param family a family's name as prometheus_client names it (a counter without {@code _total}).
     * @return its type (counter, gauge, histogram), or null when absent.
     */
    String type(final String family)
    {
        return types.get(family);
    }

    /**
     * @param sample a sample's name.
     * @param labels label names and values, alternating, in label-name order.
     * @return its value.
     * @throws AssertionError when there is no such sample.
     */
    long value(final String sample, final String... labels)
    {
        final StringBuilder key = new StringBuilder(sample).append('{');
        for (int i = 0; i < labels.length; i += 2)
        {
            key.append(i == 0 ? "" : ",").append(labels[i]).append('=').append(labels[i + 1]);
        }
        final Double value = samples.get(key.append('}').toString());
        if (value == null)
        {
            throw new AssertionError("no sample " + key + " in:\n" + text);
        }
        return value.longValue();
    }

    /** @return the samples' keys ({@code name{label=value,...}}). */
    List<String> sampleKeys()
    {
        return List.copyOf(samples.keySet());
    }

    private static Path script()
    {
        try
        {
            return Path.of(Exposition.class.getResource("prometheus_parse.py").toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
