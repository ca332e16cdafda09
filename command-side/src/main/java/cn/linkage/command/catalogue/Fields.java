package cn.linkage.command.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to one YAML mapping, with errors that say where in which file. */
final class Fields {

    private final String file;
    private final String where;
    private final Map<?, ?> values;

    Fields(String file, String where, Map<?, ?> values) {
        this.file = file;
        this.where = where;
        this.values = values;
    }

    String text(String key) {
        Object value = values.get(key);
        if (value == null || value.toString().isBlank()) {
            throw problem("'" + key + "' is missing");
        }
        return value.toString();
    }

    String optionalText(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    List<String> texts(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem("'" + key + "' must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    <E extends Enum<E>> E enumeration(String key, Class<E> type) {
        String value = text(key);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw problem("'" + key + "' is " + value + ", not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    List<Fields> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem("'" + key + "' must be a list");
        }
        List<Fields> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw problem("entry " + (i + 1) + " of '" + key + "' must be a mapping");
            }
            Object id = map.get("id") != null ? map.get("id") : map.get("code");
            items.add(new Fields(file, key + " entry " + (i + 1) + (id == null ? "" : " (" + id + ")"), map));
        }
        return items;
    }

    String file() {
        return file;
    }

    String where() {
        return where;
    }

    CatalogueException problem(String what) {
        return new CatalogueException(file + ": " + where + ": " + what);
    }
}
