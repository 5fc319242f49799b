package dev.evalunit.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The host end of a sandbox's way to a host service: a unix socket, bound into one sandbox only,
 * whose connections are carried to the service's TCP address on the loopback interface.
 */
final class UnixRelay implements AutoCloseable {

    private final ServerSocketChannel server;
    private final InetSocketAddress target;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    private UnixRelay(ServerSocketChannel server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    static UnixRelay start(Path socket, InetSocketAddress target) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        UnixRelay relay = new UnixRelay(server, target);
        daemon(relay::accept, "evalunit-sandbox-relay");
        return relay;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(upstream);
                OutputStream toUpstream = upstream.getOutputStream();
                InputStream fromUpstream = upstream.getInputStream();
                daemon(() -> toUpstream(client, toUpstream, upstream), "evalunit-sandbox-relay-in");
                daemon(() -> fromUpstream(fromUpstream, client, upstream), "evalunit-sandbox-relay-out");
            } catch (IOException e) {
                // Closed, or one connection failed: the others go on.
            }
        }
    }

    // The unix channel is read and written directly: its Channels streams share one lock, and a
    // blocked read would stop every write.
    private void toUpstream(SocketChannel client, OutputStream to, Socket upstream) {
        ByteBuffer buffer = ByteBuffer.allocate(16384);
        try {
            while (client.read(buffer) >= 0) {
                to.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            upstream.shutdownOutput();
        } catch (IOException e) {
            end(client, upstream);
        }
    }

    private void fromUpstream(InputStream from, SocketChannel client, Socket upstream) {
        byte[] buffer = new byte[16384];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    client.write(bytes);
                }
            }
        } catch (IOException e) {
            // The other side closed.
        } finally {
            end(client, upstream);
        }
    }

    private void end(SocketChannel client, Socket upstream) {
        closeQuietly(client);
        closeQuietly(upstream);
        open.remove(client);
        open.remove(upstream);
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing: nothing left to do.
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(UnixRelay::closeQuietly);
    }
}
