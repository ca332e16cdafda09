package cn.linkage.hub.grpc;

import static cn.linkage.hub.grpc.UnaryCalls.answer;

import cn.linkage.connectors.webhook.WebhookDispatcher;
import cn.linkage.hub.identity.CallerIdentity;
import cn.linkage.proto.v1.DeadLetter;
import cn.linkage.proto.v1.GetWebhookStatusRequest;
import cn.linkage.proto.v1.ListDeadLettersRequest;
import cn.linkage.proto.v1.ListDeadLettersResponse;
import cn.linkage.proto.v1.RedriveDeadLetterRequest;
import cn.linkage.proto.v1.RedriveDeadLetterResponse;
import cn.linkage.proto.v1.WebhookServiceGrpc;
import cn.linkage.proto.v1.WebhookStatus;
import io.grpc.Status;

import io.grpc.stub.StreamObserver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operates the webhooks this hub node runs: their dead letters and status. A platform reaches its own
 * webhook only ({@code webhooks/{its platform}}); the supervision office reaches every one.
 */
public class WebhookGrpcService extends WebhookServiceGrpc.WebhookServiceImplBase {

    private static final String PREFIX = "webhooks/";
    private static final String DEAD_LETTERS = "/deadLetters/";
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final Map<String, WebhookDispatcher> webhooks = new LinkedHashMap<>();

    public WebhookGrpcService(List<WebhookDispatcher> dispatchers) {
        dispatchers.forEach(d -> webhooks.put(d.name(), d));
    }

    @Override
    public void listDeadLetters(ListDeadLettersRequest request, StreamObserver<ListDeadLettersResponse> response) {
        answer(response, () -> listDeadLetters(request));
    }

    private ListDeadLettersResponse listDeadLetters(ListDeadLettersRequest request) {
        WebhookDispatcher webhook = webhook(request.getParent());
        if (request.getPageSize() < 0 || request.getPageSize() > MAX_PAGE) {
            throw Status.INVALID_ARGUMENT.withDescription("page_size must be between 0 and " + MAX_PAGE).asRuntimeException();
        }
        int size = request.getPageSize() == 0 ? DEFAULT_PAGE : request.getPageSize();
        int from;
        try {
            from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
            if (from < 0) {
                throw new NumberFormatException("negative");
            }
        } catch (NumberFormatException e) {
            throw Status.INVALID_ARGUMENT.withDescription("page_token is not one this service gave").asRuntimeException();
        }
        List<DeadLetter> all = webhook.deadLetters().list();
        int to = Math.min(all.size(), from + size);
        ListDeadLettersResponse.Builder page = ListDeadLettersResponse.newBuilder()
                .addAllDeadLetters(from >= all.size() ? List.of() : all.subList(from, to));
        if (to < all.size()) {
            page.setNextPageToken(Integer.toString(to));
        }
        return page.build();
    }

    @Override
    public void redriveDeadLetter(RedriveDeadLetterRequest request, StreamObserver<RedriveDeadLetterResponse> response) {
        answer(response, () -> redriveDeadLetter(request));
    }

    private RedriveDeadLetterResponse redriveDeadLetter(RedriveDeadLetterRequest request) {
        String name = request.getName();
        int split = name.indexOf(DEAD_LETTERS);
        if (!name.startsWith(PREFIX) || split < 0) {
            throw Status.INVALID_ARGUMENT.withDescription("name must be webhooks/{platform}/deadLetters/{event_id}")
                    .asRuntimeException();
        }
        WebhookDispatcher webhook = webhook(name.substring(0, split));
        String eventId = name.substring(split + DEAD_LETTERS.length());
        if (webhook.deadLetters().get(eventId).isEmpty()) {
            throw Status.NOT_FOUND.withDescription("no dead letter " + name).asRuntimeException();
        }
        Optional<DeadLetter> still = webhook.redrive(eventId);
        RedriveDeadLetterResponse.Builder answer = RedriveDeadLetterResponse.newBuilder().setDelivered(still.isEmpty());
        still.ifPresent(answer::setDeadLetter);
        return answer.build();
    }

    @Override
    public void getWebhookStatus(GetWebhookStatusRequest request, StreamObserver<WebhookStatus> response) {
        answer(response, () -> getWebhookStatus(request));
    }

    private WebhookStatus getWebhookStatus(GetWebhookStatusRequest request) {
        return webhook(request.getName()).status();
    }

    private WebhookDispatcher webhook(String name) {
        if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
            throw Status.INVALID_ARGUMENT.withDescription("a webhook is named webhooks/{platform}").asRuntimeException();
        }
        CallerIdentity caller = CallerIdentity.current();
        if (!caller.isPlatform("SUPERVISION") && !(caller.unit() == null && name.equals(PREFIX + caller.platform()))) {
            throw GrpcErrors.denied("NOT_YOUR_WEBHOOK", caller.describe() + " may not operate " + name);
        }
        WebhookDispatcher webhook = webhooks.get(name);
        if (webhook == null) {
            throw Status.NOT_FOUND.withDescription("no webhook " + name + " runs on this hub node").asRuntimeException();
        }
        return webhook;
    }
}
