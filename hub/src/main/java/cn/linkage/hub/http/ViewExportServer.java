package cn.linkage.hub.http;

import cn.linkage.query.views.SupervisionView;
import cn.linkage.query.views.ViewVersions;
import cn.linkage.hub.identity.AccessPolicy;
import cn.linkage.hub.identity.CallerIdentity;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
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
 * The views hold no unmasked personal data. Served over HTTPS with a required client certificate: the
 * handshake refuses a client without one, and only the supervision office and auditors are answered
 * ({@link AccessPolicy#VIEW_EXPORT}); others get 403.
 */
public class ViewExportServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewExportServer.class);
    private static final Pattern PATH = Pattern.compile("^/views/([a-z_-]+)/([a-z_-]+)\\.(csv|json)$");

    private final String address;
    private final int port;
    private final List<SupervisionView> views;
    private final ViewVersions versions;
    private final SSLContext tls;
    private volatile HttpsServer server;

    public ViewExportServer(String address, int port, List<SupervisionView> views, ViewVersions versions, SSLContext tls) {
        this.address = address;
        this.port = port;
        this.views = views;
        this.versions = versions;
        this.tls = tls;
    }

    @Override
    public void start() {
        try {
            server = HttpsServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the view export endpoint to " + address + ":" + port, e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = tls.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/views/", this::export);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        log.info("Supervision views exported on https://{}:{}/views/ (client certificate required)", address, port());
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            Optional<CallerIdentity> caller = caller(exchange);
            AccessPolicy.Rule rule = AccessPolicy.rule(AccessPolicy.VIEW_EXPORT).orElseThrow();
            if (caller.isEmpty()) {
                reply(exchange, 401, "text/plain", "present a client certificate naming your platform");
                return;
            }
            if (!rule.admits(caller.get())) {
                reply(exchange, 403, "text/plain", caller.get().describe() + " may not read the supervision views");
                return;
            }
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

    private static Optional<CallerIdentity> caller(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = https.getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? CallerIdentity.of(leaf) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
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
        HttpsServer running = server;
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
