package cn.linkage.hub.config;

import cn.linkage.hub.http.ViewExportServer;
import cn.linkage.hub.identity.HubTls;
import cn.linkage.query.views.SupervisionView;
import cn.linkage.query.views.ViewVersions;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTPS export of the supervision views for data teams ({@code linkage.http.*}). */
@Configuration(proxyBeanMethods = false)
public class ViewExportConfiguration {

    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "serve", matchIfMissing = true)
    public ViewExportServer viewExportServer(@Value("${linkage.http.address:127.0.0.1}") String address,
                                             @Value("${linkage.http.port:8080}") int port,
                                             List<SupervisionView> views, ViewVersions versions, HubTls tls) {
        return new ViewExportServer(address, port, views, versions, tls.httpsContext());
    }
}
