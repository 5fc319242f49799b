package dev.evalunit.code;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free TCP ports on 127.0.0.1 for the processes of a run. A port handed out recently is not
 * handed out again, so trials running at the same time do not get the same port between the
 * moment it is found free and the moment the program binds it.
 */
final class FreePorts {

    private static final int REMEMBERED = 512;
    private static final Deque<Integer> RECENT = new ArrayDeque<>();

    private FreePorts() {
    }

    /** @return each name with a port, in the order given */
    static Map<String, Integer> assign(List<String> names) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String name : names) {
                for (int attempt = 0; ; attempt++) {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    held.add(socket);
                    if (remember(socket.getLocalPort()) || attempt >= 20) {
                        ports.put(name, socket.getLocalPort());
                        break;
                    }
                }
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return ports;
    }

    /** @return whether {@code port} was not handed out recently; it now is */
    private static synchronized boolean remember(int port) {
        if (RECENT.contains(port)) {
            return false;
        }
        RECENT.addLast(port);
        if (RECENT.size() > REMEMBERED) {
            RECENT.removeFirst();
        }
        return true;
    }
}
