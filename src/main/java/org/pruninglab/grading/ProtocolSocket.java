package org.pruninglab.grading;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.pruninglab.compile.FileTrees;

/**
 * The harness's own channel for signed lines: a Unix socket in a fresh folder that only one sandbox
 * sees. The first connection — the harness's, made before any student code is loaded — is the only
 * one accepted: the socket file is removed and the listener closed right after, so student code can
 * neither connect nor, unlike a pipe behind /dev/stdout, reopen it.
 */
final class ProtocolSocket implements AutoCloseable {

  private final Path folder;
  private final Path path;
  private final ServerSocketChannel server;
  private SocketChannel accepted;

  private ProtocolSocket(Path folder, Path path, ServerSocketChannel server) {
    this.folder = folder;
    this.path = path;
    this.server = server;
  }

  /** A listening socket in a new folder under the system's temporary folder (short paths). */
  static ProtocolSocket open() throws IOException {
    Path folder =
        Files.createTempDirectory(
            "plab-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    Path path = folder.resolve("socket");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(path));
      // The sandbox user (nobody, where the service runs as root) must be able to connect.
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
    } catch (IOException e) {
      server.close();
      FileTrees.deleteRecursively(folder);
      throw e;
    }
    return new ProtocolSocket(folder, path, server);
  }

  Path path() {
    return path;
  }

  /** Waits for the harness's connection, then lets no one else connect; its stream of lines. */
  InputStream accept() throws IOException {
    SocketChannel channel = server.accept();
    synchronized (this) {
      accepted = channel;
    }
    server.close();
    Files.deleteIfExists(path);
    return Channels.newInputStream(channel);
  }

  /** Stops listening (an accept still waiting fails) and removes the folder. */
  @Override
  public synchronized void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing a listener does not fail in a way that matters here.
    }
    try {
      FileTrees.deleteRecursively(folder);
    } catch (IOException e) {
      // An empty folder under the temporary folder is all that can be left.
    }
  }

  /** Also closes the accepted connection, once its lines have been read. */
  synchronized void closeConnection() throws IOException {
    if (accepted != null) {
      accepted.close();
    }
  }
}
