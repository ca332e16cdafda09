package cn.linkage.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.TicketServiceGrpc;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A certificate on the deny list is refused at the handshake although the CA signed it and it is unexpired. */
class RevokedCertificateTest {

    @TempDir
    Path dataDir;

    @Test
    void aDeniedSerialIsRefusedAndOthersStillWork() {
        RunningHub.developmentCredentials(dataDir, "119");
        String serial = PemFiles.certificates(dataDir.resolve("pki/119.pem")).get(0).getSerialNumber().toString(16);

        try (RunningHub hub = RunningHub.embedded(dataDir, "--linkage.tls.revoked-serials=" + serial)) {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> TicketServiceGrpc.newBlockingStub(hub.as("119"))
                            .receiveTicket(Requests.receive("GD-REVOKED-1").setActor(Requests.AT_119).build()));
            assertThat(refused).isNotNull();
            assertThat(refused.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE);

            assertThat(TicketServiceGrpc.newBlockingStub(hub.as("12345"))
                    .receiveTicket(Requests.receive("GD-REVOKED-2").build()).getHolder()).isEqualTo("12345");
        }
    }
}
