package cn.linkage.hub.cli;

import static cn.linkage.hub.support.Requests.AT_12345;
import static cn.linkage.hub.support.Requests.receive;
import static cn.linkage.hub.support.Requests.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.HubApplication;
import cn.linkage.hub.grpc.GrpcServerLifecycle;
import cn.linkage.hub.support.RunningHub;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-shot modes start as the scripts start them (scripts/verify-store.sh, scripts/rebuild-view.sh):
 * the whole application with {@code linkage.mode} set, no gRPC server, on a store a hub has written.
 */
class CommandLineModesTest {

    @TempDir
    Path dataDir;

    @BeforeEach
    void storeWithATicket() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            String name = hub.tickets().receiveTicket(receive("GD-MODE-0001").build()).getName();
            hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
        }
    }

    @Test
    void verifyModeStartsWithoutTheServerAndFindsTheStoreIntact() {
        try (ConfigurableApplicationContext context = start("--linkage.mode=verify")) {
            assertThat(context.getBeansOfType(GrpcServerLifecycle.class)).isEmpty();
            assertThat(context.getBean(VerifyCommand.class).getExitCode()).isZero();
        }
    }

    @Test
    void rebuildModeStartsWithoutTheServerAndRebuildsEveryView() {
        try (ConfigurableApplicationContext context = start("--linkage.mode=rebuild", "--view=all")) {
            assertThat(context.getBeansOfType(GrpcServerLifecycle.class)).isEmpty();
            assertThat(context.getBean(RebuildCommand.class).getExitCode()).isZero();
        }
    }

    private ConfigurableApplicationContext start(String... mode) {
        String[] args = new String[mode.length + 3];
        System.arraycopy(mode, 0, args, 0, mode.length);
        args[mode.length] = "--linkage.embedded.data-dir=" + dataDir;
        args[mode.length + 1] = "--linkage.http.port=0";
        args[mode.length + 2] = "--spring.main.banner-mode=off";
        return new SpringApplicationBuilder(HubApplication.class).run(args);
    }
}
