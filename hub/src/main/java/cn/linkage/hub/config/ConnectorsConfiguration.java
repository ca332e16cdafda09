package cn.linkage.hub.config;

import cn.linkage.connectors.middb.MidDbConnector;
import cn.linkage.connectors.sdk.ClientCredentials;
import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.connectors.webhook.FileDeadLetterStore;
import cn.linkage.connectors.webhook.WebhookDispatcher;
import cn.linkage.connectors.webhook.WebhookSettings;
import cn.linkage.hub.grpc.GrpcServerLifecycle;
import cn.linkage.hub.grpc.WebhookGrpcService;
import cn.linkage.hub.identity.HubTls;
import cn.linkage.proto.v1.Actor;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connectors run inside the hub ({@code linkage.connectors.*}): webhooks for hotlines that take signed
 * POSTs, and the intermediate-database connector for 110. They reach the hub as any platform does,
 * through the SDK on this node's gRPC port, once the gRPC server is up, each with its platform's client
 * certificate ({@code linkage.tls.client-credentials-dir}, by default the development PKI). Run them on
 * one node only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsConfiguration.ConnectorsProperties.class)
public class ConnectorsConfiguration {

    /**
     * @param webhooks   one per platform taking webhooks
     * @param deadLetterDir where each webhook keeps its dead letters ({@code {platform}.deadletters})
     * @param middb      the intermediate-database connector
     */
    @ConfigurationProperties("linkage.connectors")
    public record ConnectorsProperties(@DefaultValue List<Webhook> webhooks,
                                       @DefaultValue("./data/webhooks") Path deadLetterDir,
                                       @DefaultValue MidDb middb) {
    }

    /** One webhook; see {@link WebhookSettings}. */
    public record Webhook(String platform, URI url, String secret, @DefaultValue("8") int maxAttempts,
                          @DefaultValue("1s") Duration firstBackoff, @DefaultValue("5m") Duration maxBackoff,
                          @DefaultValue("10s") Duration requestTimeout) {
    }

    /**
     * @param jdbcUrl      the intermediate database; the connector runs only if set
     * @param platform     the party it acts as and streams for
     * @param operatorId   the operator recorded when a row names none
     * @param pollInterval how often inbound rows are looked for
     */
    public record MidDb(@DefaultValue("") String jdbcUrl, @DefaultValue("110") String platform,
                        @DefaultValue("middb") String operatorId, @DefaultValue("1s") Duration pollInterval) {
    }

    @Bean
    public List<WebhookDispatcher> webhookDispatchers(ConnectorsProperties properties, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<WebhookDispatcher> dispatchers = new ArrayList<>();
        for (Webhook hook : properties.webhooks()) {
            WebhookSettings settings = new WebhookSettings(hook.platform(), hook.url(), hook.secret(),
                    hook.maxAttempts(), hook.firstBackoff(), hook.maxBackoff(), hook.requestTimeout());
            dispatchers.add(new WebhookDispatcher(settings,
                    new FileDeadLetterStore(properties.deadLetterDir().resolve(hook.platform() + ".deadletters")),
                    http, clock));
        }
        return dispatchers;
    }

    @Bean
    public WebhookGrpcService webhookGrpcService(List<WebhookDispatcher> webhookDispatchers) {
        return new WebhookGrpcService(webhookDispatchers);
    }

    // The connectors reach the hub through its gRPC server, which only the serving mode starts.
    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "serve", matchIfMissing = true)
    public ConnectorsLifecycle connectorsLifecycle(ConnectorsProperties properties,
                                                   List<WebhookDispatcher> webhookDispatchers,
                                                   GrpcServerLifecycle grpcServer, HubTls tls, Clock clock) {
        return new ConnectorsLifecycle(properties, webhookDispatchers, grpcServer, tls, clock);
    }

    /** Starts the connectors after the gRPC server (their port is known only then) and stops them first. */
    public static class ConnectorsLifecycle implements SmartLifecycle {

        private final ConnectorsProperties properties;
        private final List<WebhookDispatcher> dispatchers;
        private final GrpcServerLifecycle grpcServer;
        private final HubTls tls;
        private final Clock clock;
        private final List<AutoCloseable> running = new ArrayList<>();
        private boolean started;

        ConnectorsLifecycle(ConnectorsProperties properties, List<WebhookDispatcher> dispatchers,
                            GrpcServerLifecycle grpcServer, HubTls tls, Clock clock) {
            this.properties = properties;
            this.dispatchers = dispatchers;
            this.grpcServer = grpcServer;
            this.tls = tls;
            this.clock = clock;
        }

        @Override
        public synchronized void start() {
            started = true;
            String address = grpcServer.address();
            String host = address.substring(0, address.lastIndexOf(':'));
            String connectHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            int port = grpcServer.port();
            for (WebhookDispatcher dispatcher : dispatchers) {
                LinkageClient client = LinkageClient.overMutualTls(connectHost, port,
                        credentials(dispatcher.settings().platform()), Actor.newBuilder()
                        .setPlatform(dispatcher.settings().platform()).setOperatorId("webhook").build());
                dispatcher.start(client);
                running.add(dispatcher);
                running.add(client);
            }
            ConnectorsConfiguration.MidDb middb = properties.middb();
            if (!middb.jdbcUrl().isBlank()) {
                LinkageClient client = LinkageClient.overMutualTls(connectHost, port, credentials(middb.platform()),
                        Actor.newBuilder().setPlatform(middb.platform()).setOperatorId(middb.operatorId()).build());
                MidDbConnector connector = new MidDbConnector(middb.jdbcUrl(), client, clock);
                try {
                    connector.start(middb.pollInterval());
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot prepare the intermediate database", e);
                }
                running.add(connector);
                running.add(client);
            }
        }

        /** An in-process connector acts as its platform, with that platform's certificate. */
        private ClientCredentials credentials(String platform) {
            java.nio.file.Path directory = tls.clientCredentials().orElseThrow(() -> new IllegalStateException(
                    "connectors inside the hub need linkage.tls.client-credentials-dir (ca.pem, " + platform
                    + ".pem, " + platform + "-key.pem)"));
            return ClientCredentials.inDirectory(directory, platform);
        }

        @Override
        public synchronized void stop() {
            for (AutoCloseable closeable : running) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // stopping anyway
                }
            }
            running.clear();
            started = false;
        }

        @Override
        public synchronized boolean isRunning() {
            return started;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 50; // after the gRPC server (MAX_VALUE - 100)
        }
    }
}
