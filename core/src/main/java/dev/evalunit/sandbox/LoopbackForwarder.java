package dev.evalunit.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The program a bubblewrap sandbox's first process runs: for each {@code port=socket} argument it
 * listens on 127.0.0.1:port inside the sandbox's own network namespace and carries each connection
 * to the unix socket {@code socket}, bound into the sandbox from the host, where the host service
 * is. So the sandbox reaches exactly the services it was given, and nothing else of the host.
 *
 * <p>Runs alone in a JVM with only this class on its class path: it uses nothing but the JDK and
 * declares no nested class.
 */
final class LoopbackForwarder {

    /** The line printed once every port listens. */
    static final String READY = "evalunit-forwarder-ready";

    private LoopbackForwarder() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        for (String arg : args) {
            int equals = arg.indexOf('=');
            int port = Integer.parseInt(arg.substring(0, equals));
            Path socket = Path.of(arg.substring(equals + 1));
            ServerSocket server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> accept(server, socket), "accept-" + port);
            acceptor.start();
        }
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void accept(ServerSocket server, Path socket) {
        while (true) {
            try {
                Socket client = server.accept();
                SocketChannel upstream = SocketChannel.open(StandardProtocolFamily.UNIX);
                upstream.connect(UnixDomainSocketAddress.of(socket));
                InputStream fromClient = client.getInputStream();
                OutputStream toClient = client.getOutputStream();
                new Thread(() -> toUpstream(fromClient, upstream, client)).start();
                new Thread(() -> fromUpstream(upstream, toClient, client)).start();
            } catch (IOException e) {
                // One refused connection does not end the others.
            }
        }
    }

    // The channel is read and written directly: its Channels streams share one lock, and a
    // blocked read would stop every write.
    static void toUpstream(InputStream from, SocketChannel upstream, Socket client) {
        byte[] buffer = new byte[16384];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    upstream.write(bytes);
                }
            }
            upstream.shutdownOutput();
        } catch (IOException e) {
            close(client, upstream);
        }
    }

    static void fromUpstream(SocketChannel upstream, OutputStream to, Socket client) {
        ByteBuffer buffer = ByteBuffer.allocate(16384);
        try {
            while (upstream.read(buffer) >= 0) {
                to.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            client.shutdownOutput();
        } catch (IOException e) {
            // The other side closed.
        } finally {
            close(client, upstream);
        }
    }

    private static void close(Socket client, SocketChannel upstream) {
        try {
            client.close();
            upstream.close();
        } catch (IOException e) {
            // Closing: nothing left to do.
        }
    }
}
