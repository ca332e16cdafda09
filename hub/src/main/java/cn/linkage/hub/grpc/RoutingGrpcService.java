package cn.linkage.hub.grpc;

import static cn.linkage.hub.grpc.UnaryCalls.answer;

import static cn.linkage.hub.grpc.Violations.MAX_CODE;
import static cn.linkage.hub.grpc.Violations.MAX_TEXT;

import cn.linkage.api.Urgency;
import cn.linkage.command.catalogue.Catalogue;
import cn.linkage.command.catalogue.HandlingUnit.Kind;
import cn.linkage.command.catalogue.LinkageDecision;
import cn.linkage.command.catalogue.CatalogueVersions;
import cn.linkage.api.command.ReviseCatalogueCommand;
import cn.linkage.api.event.CatalogueRevisedEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import cn.linkage.command.catalogue.RoutingRequest;
import cn.linkage.proto.v1.*;
import io.grpc.stub.StreamObserver;
import java.util.Set;

/** The catalogue and routing API: validate, ask the router (or send the revision), map. */
public class RoutingGrpcService extends RoutingServiceGrpc.RoutingServiceImplBase {

    private static final Set<String> LISTS = Set.of("", "L1", "L2", "L3");

    private final CatalogueVersions catalogues;
    private final CommandGateway commands;
    private final EventStore events;

    public RoutingGrpcService(CatalogueVersions catalogues, CommandGateway commands, EventStore events) {
        this.catalogues = catalogues;
        this.commands = commands;
        this.events = events;
    }

    @Override
    public void listCatalogueRows(ListCatalogueRowsRequest request, StreamObserver<ListCatalogueRowsResponse> response) {
        answer(response, () -> {
            new Violations().check(LISTS.contains(request.getList()), "list", "must be L1, L2, L3 or empty")
                    .maxLength("request_type", request.getRequestType(), MAX_CODE)
                    .maxLength("keyword", request.getKeyword(), MAX_CODE).throwIfAny();
            Catalogue catalogue = catalogues.current().catalogue();
            ListCatalogueRowsResponse.Builder out = ListCatalogueRowsResponse.newBuilder()
                    .setCatalogueVersion(catalogue.version());
            (request.getKeyword().isBlank() ? catalogue.rows() : catalogue.search(request.getKeyword())).stream()
                    .filter(r -> request.getList().isEmpty() || r.list().name().equals(request.getList()))
                    .filter(r -> request.getRequestType().isEmpty() || r.type().equals(request.getRequestType()))
                    .forEach(r -> out.addRows(CatalogueRow.newBuilder().setId(r.id()).setList(r.list().name())
                            .setRequestType(r.type()).setRequestItem(r.item()).addAllKeywords(r.keywords())
                            .setMode(r.mode().name()).setHandling(r.handling().name()).addAllTargets(r.targets())
                            .addAllDepartments(r.departments()).setLinkage(r.linkage())
                            .setRemarks(r.remarks() == null ? "" : r.remarks())));
            return out.build();
        });
    }

    @Override
    public void listHandlingUnits(ListHandlingUnitsRequest request, StreamObserver<ListHandlingUnitsResponse> response) {
        answer(response, () -> {
            ListHandlingUnitsResponse.Builder out = ListHandlingUnitsResponse.newBuilder();
            catalogues.current().catalogue().units().stream().filter(u -> u.kind() != Kind.ROLE && u.kind() != Kind.PLATFORM)
                    .forEach(u -> out.addUnits(HandlingUnit.newBuilder().setCode(u.code()).setName(u.name())
                            .setKind(u.kind().name()).setDivisionCode(u.divisionCode() == null ? "" : u.divisionCode())));
            return out.build();
        });
    }

    @Override
    public void routeMatter(RouteMatterRequest request, StreamObserver<RouteMatterResponse> response) {
        answer(response, () -> {
            new Violations().required("origin_platform", request.getOriginPlatform(), MAX_CODE)
                    .requiredEnum("urgency", request.getUrgencyValue())
                    .maxLength("request_type", request.getRequestType(), MAX_CODE)
                    .maxLength("request_item", request.getRequestItem(), MAX_CODE)
                    .maxLength("free_text", request.getFreeText(), MAX_TEXT)
                    .check(!request.getRequestItem().isBlank() || !request.getFreeText().isBlank(), "free_text",
                            "give request_item or free_text")
                    .throwIfAny();
            LinkageDecision d = catalogues.current().route(new RoutingRequest(request.getOriginPlatform(), request.getRequestType(),
                    request.getRequestItem(), request.getFreeText(), EnumMapping.toDomain(request.getUrgency(), Urgency.class)));
            return RouteMatterResponse.newBuilder().setOutcome(d.outcome().name()).addAllTargets(d.targets())
                    .setHandling(d.handling().name()).addAllDepartments(d.departments()).addAllAlsoNotify(d.alsoNotify())
                    .setPoliceDispatchFirst(d.policeDispatchFirst()).setImmediatePolice(d.immediatePolice())
                    .setDecidedBy(d.decidedBy() == null ? "" : d.decidedBy()).setCatalogueVersion(d.catalogueVersion())
                    .setExplanation(d.explanation()).build();
        });
    }

    @Override
    public void reviseCatalogue(ReviseCatalogueRequest request, StreamObserver<CatalogueRevision> response) {
        answer(response, () -> {
            new Violations().required("request_id", request.getRequestId(), MAX_CODE)
                    .check(request.hasActor(), "actor", "is required")
                    .required("actor.platform", request.getActor().getPlatform(), MAX_CODE)
                    .required("catalogue_text", request.getCatalogueText(), 1 << 20)
                    .maxLength("note", request.getNote(), MAX_TEXT).throwIfAny();
            commands.sendAndWait(new ReviseCatalogueCommand(ReviseCatalogueCommand.CATALOGUE,
                    RequestFingerprints.requestId(RoutingServiceGrpc.getReviseCatalogueMethod(), request),
                    TicketMessages.actor(request.getActor()),
                    request.getCatalogueText(), request.getNote()), 30, TimeUnit.SECONDS);
            List<CatalogueRevision> revisions = revisions();
            return revisions.get(revisions.size() - 1);
        });
    }

    @Override
    public void listCatalogueRevisions(ListCatalogueRevisionsRequest request,
                                       StreamObserver<ListCatalogueRevisionsResponse> response) {
        answer(response, () -> ListCatalogueRevisionsResponse.newBuilder()
                .setCurrentVersion(catalogues.current().catalogue().version()).addAllRevisions(revisions()).build());
    }

    private List<CatalogueRevision> revisions() {
        return events.readEvents(ReviseCatalogueCommand.CATALOGUE).asStream()
                .map(m -> (CatalogueRevisedEvent) m.getPayload())
                .map(e -> CatalogueRevision.newBuilder().setVersion(e.version()).setSha256(e.sha256())
                        .setReviseTime(TicketMessages.timestamp(e.occurredAt()))
                        .setActor(cn.linkage.proto.v1.Actor.newBuilder().setPlatform(e.actor().platform().value()))
                        .setNote(e.note() == null ? "" : e.note()).build())
                .toList();
    }
}
