package cn.linkage.hub.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.api.RequestId;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.SuperviseTicketRequest;
import cn.linkage.proto.v1.TicketServiceGrpc;
import cn.linkage.proto.v1.TransferTicketRequest;
import org.junit.jupiter.api.Test;

/** The fingerprint that binds a request id to its request: the content and the rpc, never the id itself. */
class RequestFingerprintsTest {

    private static final TransferTicketRequest TRANSFER = TransferTicketRequest.newBuilder().setName("tickets/T-1")
            .setRequestId("r-1").setActor(Actor.newBuilder().setPlatform("12345")).addTargets("110")
            .setReason("属公安管辖").build();

    private static String fingerprint(TransferTicketRequest request) {
        return RequestFingerprints.requestId(TicketServiceGrpc.getTransferTicketMethod(), request).fingerprint();
    }

    @Test
    void theRequestIdIsCarriedWithItsFingerprint() {
        RequestId id = RequestFingerprints.requestId(TicketServiceGrpc.getTransferTicketMethod(), TRANSFER);
        assertThat(id.value()).isEqualTo("r-1");
        assertThat(id.fingerprint()).hasSize(43); // SHA-256, base64url without padding
    }

    @Test
    void sameContentGivesTheSameFingerprintWhateverTheId() throws Exception {
        assertThat(fingerprint(TRANSFER.toBuilder().setRequestId("r-2").build())).isEqualTo(fingerprint(TRANSFER));
        assertThat(fingerprint(TransferTicketRequest.parseFrom(TRANSFER.toByteString()))).isEqualTo(fingerprint(TRANSFER));
    }

    @Test
    void everyChangedFieldChangesTheFingerprint() {
        String original = fingerprint(TRANSFER);
        assertThat(fingerprint(TRANSFER.toBuilder().setName("tickets/T-2").build())).isNotEqualTo(original);
        assertThat(fingerprint(TRANSFER.toBuilder().setTargets(0, "119").build())).isNotEqualTo(original);
        assertThat(fingerprint(TRANSFER.toBuilder().addTargets("122").build())).isNotEqualTo(original);
        assertThat(fingerprint(TRANSFER.toBuilder().setReason("").build())).isNotEqualTo(original);
        assertThat(fingerprint(TRANSFER.toBuilder().setActor(Actor.newBuilder().setPlatform("12345")
                .setOperatorId("op-2")).build())).isNotEqualTo(original);
        assertThat(fingerprint(TRANSFER.toBuilder().setCatalogueRow("L1-008").build())).isNotEqualTo(original);
    }

    @Test
    void theSameBytesOnAnotherRpcGiveAnotherFingerprint() {
        SuperviseTicketRequest supervise = SuperviseTicketRequest.newBuilder().setName("tickets/T-1").setRequestId("r-1")
                .build();
        String asSupervise = RequestFingerprints.requestId(TicketServiceGrpc.getSuperviseTicketMethod(), supervise)
                .fingerprint();
        String sameBytesAsClose = RequestFingerprints.of(TicketServiceGrpc.getCloseTicketMethod(),
                supervise.toBuilder().clearRequestId().build());
        assertThat(sameBytesAsClose).isNotEqualTo(asSupervise);
    }
}
