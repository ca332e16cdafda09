package cn.linkage.hub.config;

import cn.linkage.hub.deadletter.ProcessingDeadLetters;
import cn.linkage.hub.grpc.SupervisionGrpcService;
import cn.linkage.command.eventstore.MongoEventStorageEngine;
import cn.linkage.query.views.ConsultationCandidateProjection;
import cn.linkage.query.views.EventScan;
import cn.linkage.query.views.HotspotProjection;
import cn.linkage.query.views.TicketBoardProjection;
import cn.linkage.query.views.TransferFlowProjection;
import cn.linkage.query.views.UnitScorecardProjection;
import cn.linkage.query.views.ViewRebuilder;
import cn.linkage.query.views.ViewVersions;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The joint supervision read models (board, scorecards, transfer flows, hotspots, consultation
 * candidates), their rebuild, and the gRPC service over them. {@code linkage.supervision.yellow-at}
 * (default 0.8) is the share of a deadline's time after which the board shows it yellow.
 */
@Configuration(proxyBeanMethods = false)
public class SupervisionConfiguration {

    @Bean
    public ViewVersions viewVersions(@org.springframework.beans.factory.annotation.Qualifier(cn.linkage.hub.storage.MongoConfiguration.DERIVED) MongoDatabase database) {
        return new ViewVersions(database);
    }

    @Bean
    public TicketBoardProjection ticketBoardProjection(ViewVersions versions, EventStore eventStore,
                                                       @Value("${linkage.supervision.yellow-at:0.8}") double yellowAt) {
        return new TicketBoardProjection(versions, eventStore, yellowAt);
    }

    @Bean
    public UnitScorecardProjection unitScorecardProjection(ViewVersions versions) {
        return new UnitScorecardProjection(versions);
    }

    @Bean
    public TransferFlowProjection transferFlowProjection(ViewVersions versions) {
        return new TransferFlowProjection(versions);
    }

    @Bean
    public HotspotProjection hotspotProjection(ViewVersions versions) {
        return new HotspotProjection(versions);
    }

    @Bean
    public ConsultationCandidateProjection consultationCandidateProjection(ViewVersions versions) {
        return new ConsultationCandidateProjection(versions);
    }

    @Bean
    public ViewRebuilder viewRebuilder(EventStore eventStore, EventStorageEngine engine, ViewVersions versions,
                                       TicketBoardProjection board,
                                       UnitScorecardProjection scorecards, TransferFlowProjection flows,
                                       HotspotProjection hotspots, ConsultationCandidateProjection candidates) {
        EventScan scan = engine instanceof MongoEventStorageEngine mongo ? mongo::scanAll
                : EventScan.byTrackingStream(eventStore);
        return new ViewRebuilder(eventStore, scan, versions, List.of(board, scorecards, flows, hotspots, candidates));
    }

    @Bean
    public SupervisionGrpcService supervisionGrpcService(TicketBoardProjection board, UnitScorecardProjection scorecards,
                                                         TransferFlowProjection flows, HotspotProjection hotspots,
                                                         ConsultationCandidateProjection candidates,
                                                         ViewRebuilder rebuilder, ProcessingDeadLetters deadLetters,
                                                         Clock clock) {
        return new SupervisionGrpcService(board, scorecards, flows, hotspots, candidates, rebuilder, deadLetters,
                clock);
    }
}
