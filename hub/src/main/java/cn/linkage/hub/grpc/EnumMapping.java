package cn.linkage.hub.grpc;

import com.google.protobuf.ProtocolMessageEnum;

/**
 * Proto enum values carry their type as prefix (TICKET_KIND_WORK_ORDER, as buf's STANDARD lint and
 * AIP-126 want); the domain enums do not (WORK_ORDER). Mapping by name keeps both lists in step.
 */
final class EnumMapping {

    private EnumMapping() {
    }

    static <D extends Enum<D>> D toDomain(Enum<?> proto, Class<D> domainType) {
        String name = proto.name();
        String prefix = prefixOf(domainType);
        return Enum.valueOf(domainType, name.startsWith(prefix) ? name.substring(prefix.length()) : name);
    }

    static <P extends Enum<P> & ProtocolMessageEnum> P toProto(Enum<?> domain, Class<P> protoType) {
        if (domain == null) {
            return Enum.valueOf(protoType, prefixOf(protoType) + "UNSPECIFIED");
        }
        return Enum.valueOf(protoType, prefixOf(protoType) + domain.name());
    }

    /** TicketKind → "TICKET_KIND_". */
    private static String prefixOf(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase() + "_";
    }
}
