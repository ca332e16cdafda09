package cn.linkage.hub.http;

import cn.linkage.query.views.SupervisionView;
import cn.linkage.query.views.ViewVersions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * For data teams: {@code GET /views/{view}/{part}.csv} or {@code .json} exports the current version of
 * a supervision view's collection (the board, scorecards, flows, hotspots, consultation candidates).
 * The views hold no unmasked personal data. Serve it on the internal network only (docs/supervision-views.md).
 */
public class ViewExportServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewExportServer.class);
    private static final Pattern PATH = Pattern.compile("^/views/([a-z_-]+)/([a-z_-]+)\\.(csv|json)$");

    private final String address;
    private final int port;
    private final List<SupervisionView> views;
    private final ViewVersions versions;
    private volatile HttpServer server;

    public ViewExportServer(String address, int port, List<SupervisionView> views, ViewVersions versions) {
        this.address = address;
        this.port = port;
        this.views = views;
        this.versions = versions;
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the view export endpoint to " + address + ":" + port, e);
        }
        server.createContext("/views/", this::export);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        log.info("Supervision views exported over HTTP on http://{}:{}/views/", address, port());
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "text/plain", "only GET is served");
                return;
            }
            if (!path.matches()) {
                reply(exchange, 400, "text/plain", "ask for /views/{view}/{part}.csv or .json");
                return;
            }
            Optional<SupervisionView> view = views.stream().filter(v -> v.viewName().equals(path.group(1))
                    && v.parts().contains(path.group(2))).findFirst();
            if (view.isEmpty()) {
                reply(exchange, 404, "text/plain", "no view part " + path.group(1) + "/" + path.group(2)
                        + "; known: " + views.stream().map(v -> v.viewName() + "/" + v.parts()).toList());
                return;
            }
            List<Document> rows = versions.collection(path.group(1), path.group(2), versions.current(path.group(1)))
                    .find().into(new java.util.ArrayList<>());
            boolean csv = "csv".equals(path.group(3));
            reply(exchange, 200, csv ? "text/csv; charset=utf-8" : "application/json",
                    csv ? ViewFormats.csv(rows) : ViewFormats.json(rows));
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        HttpServer running = server;
        if (running != null) {
            running.stop(1);
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    public int port() {
        return server == null ? port : server.getAddress().getPort();
    }
}
