package dev.evalunit.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
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
                // The same two pumps as the forwarder's, the channel and the socket in each other's places.
                daemon(() -> LoopbackForwarder.fromUpstream(client, toUpstream, upstream), "evalunit-sandbox-relay-in");
                daemon(() -> LoopbackForwarder.toUpstream(fromUpstream, client, upstream), "evalunit-sandbox-relay-out");
            } catch (IOException e) {
                // Closed, or one connection failed: the others go on.
            }
        }
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
