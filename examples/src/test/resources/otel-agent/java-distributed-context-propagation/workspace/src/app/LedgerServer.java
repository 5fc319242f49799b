package app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The ledger service: GET /balance/{account} answers the account's balance in cents. */
public class LedgerServer {

    private static final Map<String, Long> BALANCES = Map.of("acct-1", 12000L, "acct-2", 450L);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("LEDGER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/balance/", LedgerServer::balance);
        server.start();
        System.out.println("ledger listening on " + port);
    }

    static void balance(HttpExchange exchange) throws IOException {
        String account = exchange.getRequestURI().getPath().substring("/balance/".length());
        Long balance = BALANCES.get(account);
        byte[] body = (balance == null ? "unknown account" : String.valueOf(balance)).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(balance == null ? 404 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
