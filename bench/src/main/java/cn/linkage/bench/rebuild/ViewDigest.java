package cn.linkage.bench.rebuild;

import cn.linkage.query.views.SupervisionView;
import cn.linkage.query.views.ViewVersions;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bson.Document;

/**
 * A SHA-256 over every document of one version of a view, in {@code _id} order. Set fields are
 * compared as sets: the default processor and the rebuild may add the same members in another order.
 */
final class ViewDigest {

    private ViewDigest() {
    }

    static String of(ViewVersions versions, SupervisionView view, int version) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : view.parts()) {
                for (Document doc : versions.collection(view.viewName(), part, version).find()
                        .sort(Sorts.ascending("_id"))) {
                    digest.update(canonical(doc).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Document doc) {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(doc).forEach((field, value) -> {
            out.append(field).append('=');
            if (value instanceof java.util.List<?> list) {
                out.append(list.stream().map(String::valueOf).sorted().toList());
            } else {
                out.append(value);
            }
            out.append(';');
        });
        return out.append('\n').toString();
    }
}
