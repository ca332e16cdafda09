package cn.linkage.hub.identity;

import cn.linkage.api.Actor;
import cn.linkage.api.PartyCode;
import io.grpc.Context;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The party a call was authenticated as, taken from its client certificate, never from a request field.
 * The gRPC interceptor puts it in the call's {@link Context}; services read it with {@link #current()}.
 *
 * @param platform the platform the certificate was issued to
 * @param unit     the handling unit, for a certificate issued to a unit; {@code null} for a platform's
 * @param subject  the certificate's subject DN, recorded beside the operator in the audit trail
 * @param serial   the certificate's serial number (hex), for revocation and the logs
 */
public record CallerIdentity(String platform, String unit, String subject, String serial) {

    public static final Context.Key<CallerIdentity> KEY = Context.key("linkage-caller-identity");
    private static final int SAN_URI = 6;

    /** The identity of the current call; the interceptor guarantees one for every non-public service. */
    public static CallerIdentity current() {
        CallerIdentity identity = KEY.get();
        if (identity == null) {
            throw new IllegalStateException("no authenticated caller in this call's context");
        }
        return identity;
    }

    /**
     * The identity a certificate names through its one linkage URI; empty if it names none or more than one
     * (a certificate must not let its holder choose who to be).
     */
    public static Optional<CallerIdentity> of(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        List<String[]> found = new ArrayList<>();
        if (names != null) {
            for (List<?> name : names) {
                if (Integer.valueOf(SAN_URI).equals(name.get(0)) && name.get(1) instanceof String uri) {
                    IdentityUris.parse(uri).ifPresent(found::add);
                }
            }
        }
        if (found.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(new CallerIdentity(found.get(0)[0], found.get(0)[1],
                certificate.getSubjectX500Principal().getName(), certificate.getSerialNumber().toString(16)));
    }

    /** Who acts in the domain: this identity, with the operator the request names. */
    public Actor actor(String operatorId) {
        return new Actor(new PartyCode(platform), unit == null ? null : new PartyCode(unit),
                operatorId == null || operatorId.isBlank() ? null : operatorId, subject);
    }

    /** The party whose tickets and stream this caller reaches: the unit if the certificate names one. */
    public String party() {
        return unit != null ? unit : platform;
    }

    /** True for a certificate of the platform {@code code} itself (not one of its units). */
    public boolean isPlatform(String code) {
        return unit == null && platform.equals(code);
    }

    /** For messages: "110" or "110/城关派出所". */
    public String describe() {
        return unit == null ? platform : platform + "/" + unit;
    }
}
