package cn.linkage.hub.views;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.http.ViewExportServer;
import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data teams export any supervision view as CSV or JSON over HTTP; the caller stays masked. */
class ViewExportHttpTest {

    @TempDir
    Path dataDir;

    @Test
    void boardExportsAsCsvAndJsonWithTheCallerMasked() throws Exception {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            String name = hub.tickets().receiveTicket(Requests.receive("GD-EXPORT-1").build()).getName();
            String ticketId = name.substring("tickets/".length());
            String base = "http://127.0.0.1:" + hub.bean(ViewExportServer.class).port() + "/views/";

            HttpResponse<String> csv = get(base + "board/tickets.csv");
            for (int i = 0; i < 100 && !csv.body().contains(ticketId); i++) {
                Thread.sleep(100); // the board follows the store asynchronously
                csv = get(base + "board/tickets.csv");
            }
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(csv.body().lines().findFirst()).hasValueSatisfying(header -> assertThat(header).startsWith("_id"));
            assertThat(csv.body()).contains(ticketId).contains("138****5678").doesNotContain("13812345678");

            HttpResponse<String> json = get(base + "board/tickets.json");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).startsWith("[").contains(ticketId).doesNotContain("13812345678");

            for (String part : new String[] {"scorecards/days", "transfer_flows/flows", "hotspots/counts",
                    "consultation/counts"}) {
                assertThat(get(base + part + ".csv").statusCode()).as(part).isEqualTo(200);
            }
            assertThat(get(base + "nothing/here.csv").statusCode()).isEqualTo(404);
            assertThat(get(base + "board/tickets.xml").statusCode()).isEqualTo(400);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
