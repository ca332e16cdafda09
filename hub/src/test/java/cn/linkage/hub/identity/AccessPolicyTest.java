package cn.linkage.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.proto.v1.AuditServiceGrpc;
import cn.linkage.proto.v1.ExchangeServiceGrpc;
import cn.linkage.proto.v1.RoutingServiceGrpc;
import cn.linkage.proto.v1.SupervisionServiceGrpc;
import cn.linkage.proto.v1.TicketServiceGrpc;
import cn.linkage.proto.v1.WebhookServiceGrpc;
import io.grpc.MethodDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The policy table and the contract stay in step: a new rpc without a row would be refused to everyone. */
class AccessPolicyTest {

    @Test
    void everyRpcOfTheContractHasARowAndEveryRowAnRpc() {
        Set<String> rpcs = new HashSet<>();
        Stream.of(TicketServiceGrpc.getServiceDescriptor(), RoutingServiceGrpc.getServiceDescriptor(),
                        SupervisionServiceGrpc.getServiceDescriptor(), AuditServiceGrpc.getServiceDescriptor(),
                        ExchangeServiceGrpc.getServiceDescriptor(), WebhookServiceGrpc.getServiceDescriptor())
                .flatMap(s -> s.getMethods().stream()).map(MethodDescriptor::getFullMethodName).forEach(rpcs::add);

        Set<String> rows = new HashSet<>(AccessPolicy.table().keySet());
        rows.remove(AccessPolicy.VIEW_EXPORT);

        assertThat(rows).containsExactlyInAnyOrderElementsOf(rpcs);
    }

    @Test
    void theOfficesAreRecognisedByTheirPlatformNeverByAUnitCode() {
        CallerIdentity realOffice = new CallerIdentity("SUPERVISION", null, "CN=SUPERVISION", "1");
        CallerIdentity unitCalledSupervision = new CallerIdentity("12345", "SUPERVISION", "CN=SUPERVISION", "2");
        AccessPolicy.Rule rebuild = AccessPolicy.rule("linkage.v1.SupervisionService/RebuildView").orElseThrow();

        assertThat(rebuild.admits(realOffice)).isTrue();
        assertThat(rebuild.admits(unitCalledSupervision)).isFalse();
        assertThat(List.of(AccessPolicy.Caller.values())).hasSize(4);
    }
}
