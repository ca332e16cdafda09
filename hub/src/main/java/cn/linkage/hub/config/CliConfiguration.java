package cn.linkage.hub.config;

import cn.linkage.command.eventstore.ChainVerifier;
import cn.linkage.hub.cli.RebuildCommand;
import cn.linkage.hub.cli.VerifyCommand;
import cn.linkage.query.views.ViewRebuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One-shot modes of the same jar, selected by {@code linkage.mode}; the default is to serve. */
@Configuration(proxyBeanMethods = false)
public class CliConfiguration {

    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "verify")
    public VerifyCommand verifyCommand(ChainVerifier verifier) {
        return new VerifyCommand(verifier, System.out);
    }

    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "rebuild")
    public RebuildCommand rebuildCommand(ViewRebuilder rebuilder) {
        return new RebuildCommand(rebuilder, System.out);
    }
}
