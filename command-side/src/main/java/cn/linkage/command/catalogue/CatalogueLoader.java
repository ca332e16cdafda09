package cn.linkage.command.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks a catalogue file. Any problem stops loading with a {@link CatalogueException}
 * naming the file, the row and what is wrong, so a bad edit never reaches a running hub.
 */
public final class CatalogueLoader {

    public static final String SHIPPED = "catalogue/pingliang-2023.yaml";

    private CatalogueLoader() {
    }

    public static Catalogue shipped() {
        return fromClasspath(SHIPPED);
    }

    public static Catalogue fromClasspath(String resource) {
        try (InputStream in = CatalogueLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogueException(resource + ": no such catalogue on the classpath");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogueException(resource + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static Catalogue fromFile(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogueException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses catalogue text; {@code name} is used in error messages. */
    public static Catalogue parse(String name, String text) {
        Object document;
        try (Reader reader = new StringReader(text)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException | IOException e) {
            throw new CatalogueException(name + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw new CatalogueException(name + ": the top level must be a mapping with version, units and rows");
        }
        Fields top = new Fields(name, "top level", root);
        List<HandlingUnit> parties = new ArrayList<>();
        top.list("platforms").forEach(p -> parties.add(party(p, HandlingUnit.Kind.PLATFORM)));
        top.list("roles").forEach(p -> parties.add(party(p, HandlingUnit.Kind.ROLE)));
        top.list("units").forEach(u -> parties.add(new HandlingUnit(u.text("code"), u.text("name"),
                u.enumeration("kind", HandlingUnit.Kind.class), u.optionalText("divisionCode"))));
        Set<String> codes = new HashSet<>();
        for (HandlingUnit p : parties) {
            if (!codes.add(p.code())) {
                throw new CatalogueException(name + ": unit " + p.code() + ": the code is used twice");
            }
        }
        List<OutOfScopeMatter> outOfScope = top.list("outOfScope").stream()
                .map(o -> new OutOfScopeMatter(o.text("id"), o.text("name"), o.texts("keywords"))).toList();
        List<CatalogueRow> rows = new ArrayList<>();
        List<Fields> rowFields = top.list("rows");
        for (int i = 0; i < rowFields.size(); i++) {
            rows.add(RowChecks.row(rowFields.get(i), codes));
        }
        RowChecks.unique(name, rows);
        return new Catalogue(top.text("version"), top.optionalText("source"), rows, parties, outOfScope);
    }

    private static HandlingUnit party(Fields f, HandlingUnit.Kind kind) {
        return new HandlingUnit(f.text("code"), f.text("name"), kind, null);
    }
}
