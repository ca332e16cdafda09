package cn.linkage.hub.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.linkage.hub.http.ViewExportServer;
import cn.linkage.hub.support.HttpsClients;
import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data teams export any supervision view as CSV or JSON over HTTPS; the caller stays masked. Only the
 * supervision office and auditors are answered, and only with their client certificates.
 */
class ViewExportHttpTest {

    @TempDir
    Path dataDir;

    @Test
    void boardExportsAsCsvAndJsonWithTheCallerMasked() throws Exception {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            String name = hub.tickets().receiveTicket(Requests.receive("GD-EXPORT-1").build()).getName();
            String ticketId = name.substring("tickets/".length());
            String base = "https://127.0.0.1:" + hub.bean(ViewExportServer.class).port() + "/views/";
            HttpClient supervision = HttpsClients.as(hub.pki(), "SUPERVISION");

            HttpResponse<String> csv = get(supervision, base + "board/tickets.csv");
            for (int i = 0; i < 100 && !csv.body().contains(ticketId); i++) {
                Thread.sleep(100); // the board follows the store asynchronously
                csv = get(supervision, base + "board/tickets.csv");
            }
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(csv.body().lines().findFirst()).hasValueSatisfying(header -> assertThat(header).startsWith("_id"));
            assertThat(csv.body()).contains(ticketId).contains("138****5678").doesNotContain("13812345678");

            HttpResponse<String> json = get(supervision, base + "board/tickets.json");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).startsWith("[").contains(ticketId).doesNotContain("13812345678");

            for (String part : new String[] {"scorecards/days", "transfer_flows/flows", "hotspots/counts",
                    "consultation/counts"}) {
                assertThat(get(supervision, base + part + ".csv").statusCode()).as(part).isEqualTo(200);
            }
            assertThat(get(supervision, base + "nothing/here.csv").statusCode()).isEqualTo(404);
            assertThat(get(supervision, base + "board/tickets.xml").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void withoutACertificateTheHandshakeFailsAndAPlatformIsForbidden() throws Exception {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            String url = "https://127.0.0.1:" + hub.bean(ViewExportServer.class).port() + "/views/board/tickets.json";

            assertThatThrownBy(() -> get(HttpsClients.as(hub.pki(), null), url))
                    .as("no client certificate: refused at the handshake").isInstanceOf(IOException.class);
            assertThatThrownBy(() -> get(HttpClient.newHttpClient(), url.replace("https:", "http:")))
                    .as("plain HTTP is not served").isInstanceOf(IOException.class);
            assertThat(get(HttpsClients.as(hub.pki(), "12345"), url).statusCode()).isEqualTo(403);
            assertThat(get(HttpsClients.as(hub.pki(), "AUDIT"), url).statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
