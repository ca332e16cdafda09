package cn.linkage.hub.exchange;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.Requests.AT_110;
import static cn.linkage.hub.support.Requests.AT_12345;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.GrpcAssertions;
import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.AcknowledgeRequest;
import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.ExchangeServiceGrpc;
import cn.linkage.proto.v1.SubscribeRequest;
import cn.linkage.proto.v1.TicketServiceGrpc;
import com.google.rpc.Code;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a platform reads and acknowledges only its own stream (the party of its certificate), and an
 * acknowledged cursor only moves forward, within the store.
 */
class ExchangeAccessTest {

    @TempDir
    static Path dataDir;
    static RunningHub hub;
    static String firstCursor;
    static String secondCursor;

    @BeforeAll
    static void twoTransfersTo110() {
        hub = RunningHub.embedded(dataDir);
        TicketServiceGrpc.TicketServiceBlockingStub as12345 = TicketServiceGrpc.newBlockingStub(hub.as("12345"));
        for (int i = 1; i <= 2; i++) {
            String name = as12345.receiveTicket(Requests.receive("GD-CURSOR-" + i).build()).getName();
            as12345.transferTicket(Requests.transfer(name, AT_12345, "110"));
        }
        Iterator<Delivery> stream = stub("110").withDeadlineAfter(30, TimeUnit.SECONDS)
                .subscribe(SubscribeRequest.newBuilder().setSubscriber("110").setActor(AT_110).build());
        firstCursor = stream.next().getCursor();
        secondCursor = stream.next().getCursor();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aPlatformMayNotReadOrAcknowledgeAnotherPlatformsStream() {
        var as12345 = stub("12345");
        assertThat(failure(() -> as12345.subscribe(SubscribeRequest.newBuilder().setSubscriber("110").setActor(AT_12345)
                .build()).hasNext()).getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(failure(() -> as12345.acknowledge(AcknowledgeRequest.newBuilder().setSubscriber("110")
                .setActor(AT_12345).setCursor(firstCursor).build())).getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(failure(() -> as12345.acknowledge(AcknowledgeRequest.newBuilder().setSubscriber("110")
                .setActor(AT_110).setCursor(firstCursor).build())).getCode())
                .as("naming 110 as the actor does not help").isEqualTo(Code.PERMISSION_DENIED_VALUE);
    }

    @Test
    void anAcknowledgedCursorOnlyMovesForward() {
        var as110 = stub("110");
        as110.acknowledge(acknowledge(secondCursor));
        as110.acknowledge(acknowledge(secondCursor)); // the same again: a retry

        var behind = failure(() -> as110.acknowledge(acknowledge(firstCursor)));

        assertThat(behind.getCode()).isEqualTo(Code.FAILED_PRECONDITION_VALUE);
        assertThat(behind.getMessage()).contains("only moves forward");
    }

    @Test
    void aCursorBeyondTheStoreIsRefused() {
        String beyond = Cursors.encode(GapAwareTrackingToken.newInstance(1_000_000, java.util.List.of()));
        var as110 = stub("110");

        var acknowledged = failure(() -> as110.acknowledge(acknowledge(beyond)));
        var subscribed = failure(() -> as110.subscribe(SubscribeRequest.newBuilder().setSubscriber("110").setActor(AT_110)
                .setCursor(beyond).build()).hasNext());

        assertThat(acknowledged.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(GrpcAssertions.violatedFields(acknowledged)).containsExactly("cursor");
        assertThat(subscribed.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
    }

    private static AcknowledgeRequest acknowledge(String cursor) {
        return AcknowledgeRequest.newBuilder().setSubscriber("110").setActor(AT_110).setCursor(cursor).build();
    }

    private static ExchangeServiceGrpc.ExchangeServiceBlockingStub stub(String platform) {
        return ExchangeServiceGrpc.newBlockingStub(hub.as(platform)).withDeadlineAfter(30, TimeUnit.SECONDS);
    }
}
