package io.sluice.service;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The event service's Unix socket file, owner only from the moment it exists: Java cannot set the umask, so the
 * server binds inside a fresh directory that only the owner can enter (0700, beside the wanted path), makes the socket
 * 0600 there, and only then renames it into place (a rename keeps the bound socket). A socket already at the path is
 * removed only when nothing answers on it: a live server's socket is never taken over.
 */
final class UnixSocketFile
{
    private final Path path;
    private final Path directory;
    private final Path bindPath;

    private UnixSocketFile(final Path path, final Path directory)
    {
        this.path = path;
        this.directory = directory;
        this.bindPath = directory.resolve("s");
    }

    /**
     * @param path where the socket is wanted.
     * @return where to bind it, in a fresh owner-only directory.
     * @throws IllegalArgumentException naming the path: something other than a socket is there, a server answers on
     *                                  it, or the directory cannot be made.
     */
    static UnixSocketFile prepare(final Path path)
    {
        removeStale(path);
        final Path parent = path.toAbsolutePath().getParent();
        if (parent == null)
        {
            throw refusal("unix:" + path, "not a socket path");
        }
        try
        {
            return new UnixSocketFile(path, Files.createTempDirectory(parent, ".sluice-grpc-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            throw refusal("unix:" + path, "cannot create a private directory in " + parent + ": " + RootCause.message(ex));
        }
    }

    private static void removeStale(final Path path)
    {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS))
        {
            return;
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
            || Files.isSymbolicLink(path))
        {
            throw refusal("unix:" + path, "exists and is not a socket");
        }
        if (answers(path))
        {
            throw refusal("unix:" + path, "another running server is listening on it (stop it, or choose another path)");
        }
        try
        {
            Files.delete(path);
        }
        catch (final IOException ex)
        {
            throw refusal("unix:" + path, "cannot remove the old socket: " + ex);
        }
    }

    private static boolean answers(final Path path)
    {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX))
        {
            return channel.connect(UnixDomainSocketAddress.of(path));
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    /**
     * @return where the server binds.
     */
    Path bindPath()
    {
        return bindPath;
    }

    /**
     * The server listens: make the socket 0600 and move it to the wanted path (replacing a stale one).
     *
     * @throws IOException when it cannot.
     */
    void publish() throws IOException
    {
        Files.setPosixFilePermissions(bindPath, PosixFilePermissions.fromString("rw-------"));
        Files.move(bindPath, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Remove the private directory (and the socket, when it was not published).
     */
    void cleanUp()
    {
        try
        {
            Files.deleteIfExists(bindPath);
            Files.deleteIfExists(directory);
        }
        catch (final IOException ignore)
        {
            // a directory left behind holds nothing that serves: harmless
        }
    }

    /**
     * @param address the address as given.
     * @param problem what is wrong with it.
     * @return the one line that refuses it.
     */
    static IllegalArgumentException refusal(final String address, final String problem)
    {
        return new IllegalArgumentException("--grpc-address: '" + address + "': " + problem);
    }
}
