package cn.juece.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

/** config/periods.yaml: the statutory periods that seed juece.statutory_period on first start. */
public final class PeriodFile {

    public static final String RESOURCE = "config/periods.yaml";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private PeriodFile() {
    }

    record Entry(String code, String name, int length, PeriodUnit unit, PeriodKind kind, Strictness strictness,
                 @JsonProperty("public-window") boolean publicWindow, String article,
                 @JsonProperty("counted-from") String countedFrom) {
    }

    record File(List<Entry> periods) {
    }

    public static List<StatutoryPeriod> read(InputStream in) throws IOException {
        File file = HolidayFiles.YAML.readValue(in, File.class);
        Set<String> codes = new HashSet<>();
        List<StatutoryPeriod> result = file.periods().stream()
                .map(e -> new StatutoryPeriod(e.code(), e.name(), e.length(), e.unit(), e.kind(), e.strictness(),
                        e.publicWindow(), e.article(), e.countedFrom()))
                .toList();
        for (StatutoryPeriod p : result) {
            if (p.code() == null || !CODE.matcher(p.code()).matches() || !codes.add(p.code())) {
                throw new IllegalStateException(RESOURCE + ": missing, malformed or repeated code " + p.code());
            }
            if (p.length() <= 0 || p.unit() == null || p.kind() == null || p.strictness() == null
                    || p.nameZh() == null || p.article() == null || p.countedFrom() == null) {
                throw new IllegalStateException(RESOURCE + ": incomplete period " + p.code());
            }
        }
        return result;
    }

    /** The file from the classpath (config/ is a resource directory). */
    public static List<StatutoryPeriod> fromClasspath() {
        try (InputStream in = PeriodFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }
}
